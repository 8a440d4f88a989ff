//! DeleteTopics: deletes topics by name (all versions) or by topic id (v6+); the data goes
//! with them and a topic created again under the same name starts empty.

use crate::broker::Broker;
use strom_protocol::generated::delete_topics_response::DeletableTopicResult;
use strom_protocol::generated::{DeleteTopicsRequest, DeleteTopicsResponse};
use strom_protocol::{ErrorCode, Uuid};

pub fn handle(broker: &Broker, request: DeleteTopicsRequest, version: i16) -> DeleteTopicsResponse {
    // v0-5 name topics in `topic_names`; v6+ in `topics`, by name or by id.
    let targets: Vec<(Option<String>, Uuid)> = if version >= 6 {
        request
            .topics
            .iter()
            .map(|t| (t.name.clone(), t.topic_id))
            .collect()
    } else {
        request
            .topic_names
            .iter()
            .map(|n| (Some(n.clone()), Uuid::ZERO))
            .collect()
    };
    let responses = targets
        .into_iter()
        .map(|(name, id)| delete_one(broker, name, id))
        .collect();
    DeleteTopicsResponse {
        responses,
        ..Default::default()
    }
}

fn delete_one(broker: &Broker, name: Option<String>, id: Uuid) -> DeletableTopicResult {
    let mut result = DeletableTopicResult {
        name: name.clone(),
        topic_id: id,
        ..Default::default()
    };
    let resolved = match (&name, id.is_zero()) {
        (Some(name), true) => Ok(name.clone()),
        (None, false) => broker
            .topic_by_id(&id)
            .map(|t| t.name.clone())
            .ok_or(ErrorCode::UNKNOWN_TOPIC_ID),
        _ => Err(ErrorCode::INVALID_REQUEST),
    };
    let outcome = resolved
        .map_err(|code| (code, None))
        .and_then(|topic_name| {
            if !broker.config.delete_topic_enable {
                return Err((
                    ErrorCode::TOPIC_DELETION_DISABLED,
                    Some("Topic deletion is disabled.".to_string()),
                ));
            }
            broker
                .delete_topic(&topic_name)
                .map_err(|e| (e.code, Some(e.message)))
        });
    match outcome {
        Ok(topic) => {
            result.name = Some(topic.name.clone());
            result.topic_id = topic.id;
        }
        Err((code, message)) => {
            result.error_code = code.0;
            result.error_message = message;
        }
    }
    result
}
