//! Topic administration on the broker: validating, creating, deleting and growing topics
//! and changing their configs. Each change is proposed to the metadata quorum under the
//! `changing` lock and applied to the topic registry once it is committed (see the
//! invariants in the module above).

use super::*;

impl Broker {
    /// Checks a create request without doing it.
    pub fn validate_new_topic(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: i16,
        configs: &BTreeMap<String, String>,
    ) -> Result<(), TopicError> {
        validate_topic_name(name)?;
        self.resolve_topic_config(configs)?;
        if partitions < 1 {
            return Err(TopicError::new(
                ErrorCode::INVALID_PARTITIONS,
                "Number of partitions must be larger than 0.",
            ));
        }
        if partitions > 100_000 {
            return Err(TopicError::new(
                ErrorCode::INVALID_PARTITIONS,
                "Too many partitions.",
            ));
        }
        if replication_factor < 1 {
            return Err(TopicError::new(
                ErrorCode::INVALID_REPLICATION_FACTOR,
                "Replication factor must be larger than 0.",
            ));
        }
        let brokers = self.metadata.image().brokers.len();
        if replication_factor as usize > brokers {
            return Err(TopicError::new(
                ErrorCode::INVALID_REPLICATION_FACTOR,
                format!(
                    "Replication factor: {replication_factor} larger than available brokers: {brokers}."
                ),
            ));
        }
        // The image too: another node's creation may be applied here but not yet opened.
        if self.topic(name).is_some() || self.metadata.image().topics.contains_key(name) {
            return Err(TopicError::new(
                ErrorCode::TOPIC_ALREADY_EXISTS,
                format!("Topic '{name}' already exists."),
            ));
        }
        Ok(())
    }

    /// Creates a topic with its partitions placed across the registered brokers.
    pub fn create_topic(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: i16,
        configs: &BTreeMap<String, String>,
    ) -> Result<Arc<Topic>, TopicError> {
        self.create_topic_placed(name, partitions, replication_factor, None, configs)
    }

    /// Creates a topic with the replicas a client gave for each partition (leader first).
    pub fn create_topic_assigned(
        &self,
        name: &str,
        replicas: Vec<Vec<i32>>,
        configs: &BTreeMap<String, String>,
    ) -> Result<Arc<Topic>, TopicError> {
        let count = replicas.len() as i32;
        self.create_topic_placed(name, count, 1, Some(replicas), configs)
    }

    /// Creates a topic: places it (unless `assigned`), opens the partition logs this broker
    /// leads, records it durably, then publishes it.
    pub(super) fn create_topic_placed(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: i16,
        assigned: Option<Vec<Vec<i32>>>,
        configs: &BTreeMap<String, String>,
    ) -> Result<Arc<Topic>, TopicError> {
        let _changing = self.lock_changes();
        self.validate_new_topic(name, partitions, replication_factor, configs)?;
        let id = new_topic_id();
        let replicas = match assigned {
            Some(replicas) => {
                self.check_assignments(&replicas)?;
                replicas
            }
            None => placement::assign(
                &self.placement_candidates(),
                0,
                partitions,
                replication_factor,
                usize::from(id.0[0]),
            )
            .map_err(|e| TopicError::new(ErrorCode::INVALID_REPLICATION_FACTOR, e.to_string()))?,
        };
        let image = self.metadata.image();
        let record = TopicImage {
            name: name.to_string(),
            id,
            partitions,
            configs: configs.clone(),
            states: replicas.iter().map(|r| image.initial_state(r)).collect(),
            replicas,
        };
        // Leftovers of an earlier topic of that name were removed at delete time; clear any
        // that a crash between recording and removal left behind.
        for index in 0..partitions {
            remove_dir_if_present(&self.partition_dir(name, index));
        }
        let topic = self.open_topic(&record, None).map_err(|e| {
            tracing::error!(topic = name, error = %e, "creating topic failed");
            TopicError::new(ErrorCode::KAFKA_STORAGE_ERROR, e.to_string())
        })?;
        let proposed = self.metadata.propose(vec![MetadataRecord::CreateTopic {
            name: name.to_string(),
            id: record.id.to_string(),
            partitions,
            configs: configs.clone(),
            replicas: record.replicas.clone(),
            states: Vec::new(),
        }]);
        let applied = match proposed {
            Ok(image) => image,
            Err(e) => {
                tracing::error!(topic = name, error = %e, "recording topic failed");
                for index in 0..partitions {
                    remove_dir_if_present(&self.partition_dir(name, index));
                }
                return Err(storage_error(e));
            }
        };
        // A broker fenced or unfenced since the image the topic was opened from leads
        // differently in the recorded one.
        let topic = match applied
            .topics
            .get(name)
            .filter(|t| t.states != record.states)
        {
            Some(recorded) => self
                .open_topic(recorded, Some(&topic))
                .map_err(|e| TopicError::new(ErrorCode::KAFKA_STORAGE_ERROR, e.to_string()))?,
            None => topic,
        };
        let topic = Arc::new(topic);
        self.write_topics()
            .insert(name.to_string(), Arc::clone(&topic));
        tracing::info!(topic = name, partitions, id = %record.id, "topic created");
        Ok(topic)
    }

    pub(super) fn lock_changes(&self) -> std::sync::MutexGuard<'_, ()> {
        self.changing.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Deletes a topic: records the removal, unpublishes it, then removes its data.
    pub fn delete_topic(&self, name: &str) -> Result<Arc<Topic>, TopicError> {
        let _changing = self.lock_changes();
        let Some(topic) = self.topic(name) else {
            return Err(unknown_topic());
        };
        self.metadata
            .propose(vec![MetadataRecord::DeleteTopic {
                id: topic.id.to_string(),
            }])
            .map_err(storage_error)?;
        self.write_topics().remove(name);
        self.remove_topic_data(&topic);
        tracing::info!(topic = name, "topic deleted");
        Ok(topic)
    }

    /// Grows a topic to `total` partitions (CreatePartitions); `validate_only` checks
    /// without doing it.
    pub fn create_partitions(
        &self,
        name: &str,
        total: i32,
        assigned: Option<Vec<Vec<i32>>>,
        validate_only: bool,
    ) -> Result<(), TopicError> {
        let _changing = self.lock_changes();
        let Some(topic) = self.topic(name) else {
            return Err(unknown_topic());
        };
        let current = topic.partitions.len() as i32;
        if total < current {
            return Err(TopicError::new(
                ErrorCode::INVALID_PARTITIONS,
                format!("Topic currently has {current} partitions, which is higher than the requested {total}."),
            ));
        }
        if total == current {
            return Err(TopicError::new(
                ErrorCode::INVALID_PARTITIONS,
                format!("Topic already has {current} partitions."),
            ));
        }
        if total > 100_000 {
            return Err(TopicError::new(
                ErrorCode::INVALID_PARTITIONS,
                "Too many partitions.",
            ));
        }
        let added = match assigned {
            Some(replicas) => {
                self.check_assignments(&replicas)?;
                replicas
            }
            // The topic's replication factor, continuing its ring where it stopped.
            None => placement::assign(
                &self.placement_candidates(),
                current,
                total - current,
                topic.replicas.first().map_or(1, |r| r.len().max(1) as i16),
                usize::from(topic.id.0[0]),
            )
            .map_err(|e| TopicError::new(ErrorCode::INVALID_REPLICATION_FACTOR, e.to_string()))?,
        };
        if validate_only {
            return Ok(());
        }
        for index in current..total {
            remove_dir_if_present(&self.partition_dir(name, index));
        }
        let mut replicas = topic.replicas.clone();
        replicas.extend(added.iter().cloned());
        let image = self.metadata.image();
        let mut states = topic.states.clone();
        states.extend(added.iter().map(|r| image.initial_state(r)));
        let record = TopicImage {
            name: name.to_string(),
            id: topic.id,
            partitions: total,
            configs: topic.overrides.clone(),
            replicas,
            states,
        };
        let grown = self
            .open_topic(&record, Some(&topic))
            .map_err(|e| TopicError::new(ErrorCode::KAFKA_STORAGE_ERROR, e.to_string()))?;
        let proposed = self.metadata.propose(vec![MetadataRecord::AddPartitions {
            id: topic.id.to_string(),
            partitions: total,
            replicas: added,
        }]);
        if let Err(e) = proposed {
            for index in current..total {
                remove_dir_if_present(&self.partition_dir(name, index));
            }
            return Err(storage_error(e));
        }
        self.write_topics()
            .insert(name.to_string(), Arc::new(grown));
        tracing::info!(topic = name, from = current, to = total, "partitions added");
        Ok(())
    }

    /// Replaces a topic's config overrides with `overrides` (AlterConfigs and
    /// IncrementalAlterConfigs compute the new set); they take effect at once.
    /// `validate_only` checks without doing it.
    pub fn alter_topic_configs(
        &self,
        name: &str,
        overrides: BTreeMap<String, String>,
        validate_only: bool,
    ) -> Result<(), TopicError> {
        let _changing = self.lock_changes();
        let Some(topic) = self.topic(name) else {
            return Err(unknown_topic());
        };
        self.resolve_topic_config(&overrides)?;
        if validate_only {
            return Ok(());
        }
        let resource = ConfigResource::Topic(name.to_string());
        let mut records: Vec<MetadataRecord> = topic
            .overrides
            .keys()
            .filter(|key| !overrides.contains_key(*key))
            .map(|key| MetadataRecord::Config {
                resource: resource.clone(),
                key: key.clone(),
                value: None,
            })
            .collect();
        records.extend(
            overrides
                .iter()
                .filter(|(key, value)| topic.overrides.get(*key) != Some(value))
                .map(|(key, value)| MetadataRecord::Config {
                    resource: resource.clone(),
                    key: key.clone(),
                    value: Some(value.clone()),
                }),
        );
        if records.is_empty() {
            return Ok(());
        }
        self.metadata.propose(records).map_err(storage_error)?;
        let record = TopicImage {
            name: name.to_string(),
            id: topic.id,
            partitions: topic.partitions.len() as i32,
            configs: overrides,
            replicas: topic.replicas.clone(),
            states: topic.states.clone(),
        };
        let changed = self
            .open_topic(&record, Some(&topic))
            .map_err(|e| TopicError::new(ErrorCode::KAFKA_STORAGE_ERROR, e.to_string()))?;
        self.write_topics()
            .insert(name.to_string(), Arc::new(changed));
        tracing::info!(topic = name, "topic config changed");
        Ok(())
    }
}
