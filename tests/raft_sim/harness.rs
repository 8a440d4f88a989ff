//! The simulated controller quorum: nodes with durable storage in temp dirs, connected by
//! the in-memory router, a writer that proposes records through whoever leads, and a checker
//! that samples every node every few milliseconds of virtual time.
//!
//! Invariants checked continuously (after Kafka's Raft simulation test):
//! - at most one leader per term (openraft built with `single-term-leader`, i.e. Raft §5.2);
//! - per node, the term and the recorded commit index never go down, across restarts too
//!   (they are persisted); a node that lost its disk starts a new history;
//! - per node, applied indexes go up by one at a time (or jump to a snapshot);
//! - every node applies the same entry, with the same result, at the same index;
//! - at the end, every acknowledged write is in every node's image (committed records are
//!   never lost), and every node's image is the same.

use openraft::error::{ClientWriteError, RaftError};
use openraft::{BasicNode, ChangeMembers, ServerState};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use strom::metadata::{ConfigResource, MetadataRecord};
use strom::raft::memory::Router;
use strom::raft::state_machine::{Event, Observer};
use strom::raft::{Applied, Controller, QuorumSettings};

/// The seeds a scenario runs with: `STROM_SIM_SEED` alone when set, else `count` seeds
/// (or `STROM_SIM_SEEDS` of them) derived from the scenario's name, fixed so that a failure
/// reproduces without the variable.
pub fn seeds(name: &str, count: u64) -> Vec<u64> {
    if let Ok(seed) = std::env::var("STROM_SIM_SEED") {
        return vec![seed.parse().expect("STROM_SIM_SEED is a u64")];
    }
    let count = match std::env::var("STROM_SIM_SEEDS") {
        Ok(n) => n.parse().expect("STROM_SIM_SEEDS is a count"),
        Err(_) => count,
    };
    let base = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    });
    (0..count).map(|i| base.wrapping_add(i)).collect()
}

/// What the checker has seen.
#[derive(Default)]
pub struct History {
    /// The first application seen at each log index: (term, records, result).
    applied: BTreeMap<u64, (u64, Option<Vec<MetadataRecord>>, Applied)>,
    /// Per node, the last index it applied in its current incarnation.
    last_applied: BTreeMap<u64, Option<u64>>,
    leaders: BTreeMap<u64, u64>,
    terms: BTreeMap<u64, u64>,
    committed: BTreeMap<u64, u64>,
    pub violations: Vec<String>,
}

impl History {
    pub fn observe(&mut self, node: u64, event: Event<'_>) {
        match event {
            Event::Snapshot { last_log_id, .. } => {
                self.last_applied.insert(node, last_log_id.map(|l| l.index));
            }
            Event::Applied {
                log_id,
                records,
                result,
            } => {
                let last = self.last_applied.get(&node).copied().flatten();
                let expected = last.map_or(0, |l| l + 1);
                if log_id.index != expected {
                    self.violations.push(format!(
                        "node {node} applied index {} after {last:?}",
                        log_id.index
                    ));
                }
                self.last_applied.insert(node, Some(log_id.index));
                let seen = (
                    log_id.leader_id.term,
                    records.map(|r| r.to_vec()),
                    result.clone(),
                );
                match self.applied.get(&log_id.index) {
                    Some(first) if *first != seen => self.violations.push(format!(
                        "node {node} applied {seen:?} at {} where another applied {first:?}",
                        log_id.index
                    )),
                    Some(_) => {}
                    None => {
                        self.applied.insert(log_id.index, seen);
                    }
                }
            }
        }
    }

    /// Forgets a node's history (it lost its disk).
    fn forget(&mut self, node: u64) {
        self.terms.remove(&node);
        self.committed.remove(&node);
        self.last_applied.remove(&node);
    }
}

pub struct Sim {
    pub seed: u64,
    pub rng: StdRng,
    pub router: Router,
    pub settings: QuorumSettings,
    pub voters: Vec<u64>,
    dirs: BTreeMap<u64, tempfile::TempDir>,
    pub nodes: BTreeMap<u64, Controller>,
    pub history: Arc<Mutex<History>>,
    /// Writes acknowledged to the writer: key -> value.
    pub acked: BTreeMap<String, String>,
    /// Writes whose outcome is unknown (timed out or failed mid-way).
    pub maybe: BTreeSet<String>,
    next_write: u64,
    /// Election timeout slot of each running node (see `election_settings`).
    slots: BTreeMap<u64, u64>,
    pending_slot: u64,
}

pub fn node(id: u64) -> BasicNode {
    BasicNode {
        addr: format!("sim-{id}"),
    }
}

impl Sim {
    /// Starts `voters` nodes and initializes the quorum through node 1.
    pub async fn start(seed: u64, voters: u64) -> Sim {
        eprintln!("raft sim seed {seed} (rerun with STROM_SIM_SEED={seed})");
        strom::raft::runtime::seed_thread_rng(seed);
        let mut sim = Sim {
            seed,
            rng: StdRng::seed_from_u64(seed ^ 0x5eed),
            router: Router::new(seed),
            settings: QuorumSettings {
                heartbeat_interval_ms: 20,
                election_timeout_min_ms: 150,
                election_timeout_max_ms: 300,
                snapshot_every_entries: 20,
                // A crash here is a stopped process; the page cache survives it.
                fsync: false,
                ..QuorumSettings::default()
            },
            voters: (1..=voters).collect(),
            dirs: BTreeMap::new(),
            nodes: BTreeMap::new(),
            history: Arc::default(),
            acked: BTreeMap::new(),
            maybe: BTreeSet::new(),
            next_write: 0,
            slots: BTreeMap::new(),
            pending_slot: 0,
        };
        for id in sim.voters.clone() {
            sim.dirs.insert(id, tempfile::tempdir().unwrap());
            sim.boot(id).await;
        }
        let members: BTreeMap<u64, BasicNode> = sim.voters.iter().map(|&i| (i, node(i))).collect();
        sim.nodes[&1].raft.initialize(members).await.unwrap();
        sim
    }

    /// Openraft 0.9 draws a node's election timeout once, when the node starts, and checks
    /// it on ticks of 1.5 heartbeat intervals. In virtual time every node's ticks are
    /// aligned, so two nodes whose timeouts fall on the same tick would split every vote
    /// forever (real clocks drift apart and break the tie). Each booted node therefore gets
    /// a seeded slot that no running node holds, two ticks wide, plus seeded jitter.
    fn election_settings(&mut self) -> QuorumSettings {
        let taken: BTreeSet<u64> = self.slots.values().copied().collect();
        let free: Vec<u64> = (0..8).filter(|s| !taken.contains(s)).collect();
        let slot = free[self.rng.gen_range(0..free.len())];
        let tick_ms = self.settings.heartbeat_interval_ms * 3 / 2;
        let min = 200 + slot * 2 * tick_ms + self.rng.gen_range(0..tick_ms / 2);
        self.pending_slot = slot;
        QuorumSettings {
            election_timeout_min_ms: min,
            election_timeout_max_ms: min + 1,
            ..self.settings.clone()
        }
    }

    async fn boot(&mut self, id: u64) {
        let settings = self.election_settings();
        self.slots.insert(id, self.pending_slot);
        let history = Arc::clone(&self.history);
        let observer: Observer = Arc::new(move |event| {
            history.lock().unwrap().observe(id, event);
        });
        let controller = strom::raft::start(
            id,
            self.dirs[&id].path(),
            &settings,
            self.router.factory(id),
            Some(observer),
        )
        .await
        .unwrap();
        self.router.add(id, controller.raft.clone());
        self.nodes.insert(id, controller);
    }

    /// Samples every running node once and records what breaks an invariant.
    pub fn check(&self) {
        let mut history = self.history.lock().unwrap();
        for (id, controller) in &self.nodes {
            let metrics = controller.raft.metrics().borrow().clone();
            let term = metrics.current_term;
            if metrics.state == ServerState::Leader {
                if let Some(other) = history.leaders.insert(term, *id) {
                    if other != *id {
                        history
                            .violations
                            .push(format!("term {term} has leaders {other} and {id}"));
                    }
                }
            }
            // The persisted vote, not the metrics: a restarted node reports term 0 until
            // its core has loaded the vote.
            let persisted = controller.log.vote().map_or(0, |v| v.leader_id.term);
            if let Some(before) = history.terms.insert(*id, persisted) {
                if persisted < before {
                    history
                        .violations
                        .push(format!("node {id} term went from {before} to {persisted}"));
                }
            }
            if let Some(committed) = controller.log.committed() {
                if let Some(before) = history.committed.insert(*id, committed.index) {
                    if committed.index < before {
                        history.violations.push(format!(
                            "node {id} commit index went from {before} to {}",
                            committed.index
                        ));
                    }
                }
            }
        }
    }

    /// Runs for `duration` of virtual time, checking every 5 ms.
    pub async fn run_for(&self, duration: Duration) {
        let end = tokio::time::Instant::now() + duration;
        while tokio::time::Instant::now() < end {
            self.check();
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        self.check();
    }

    pub fn assert_no_violations(&self) {
        let history = self.history.lock().unwrap();
        assert!(
            history.violations.is_empty(),
            "seed {}: {:#?}",
            self.seed,
            history.violations
        );
    }

    /// The leader of the highest term among running nodes, if any.
    pub fn leader(&self) -> Option<u64> {
        self.nodes
            .values()
            .map(|c| c.raft.metrics().borrow().clone())
            .filter(|m| m.state == ServerState::Leader)
            .max_by_key(|m| m.current_term)
            .map(|m| m.id)
    }

    /// Waits (checking) until a leader that a majority of running nodes follow is elected.
    pub async fn wait_leader(&self, within: Duration) -> u64 {
        let end = tokio::time::Instant::now() + within;
        loop {
            self.check();
            if let Some(leader) = self.leader() {
                let term = self.nodes[&leader].raft.metrics().borrow().current_term;
                let followers = self
                    .nodes
                    .values()
                    .filter(|c| {
                        let m = c.raft.metrics().borrow().clone();
                        m.current_leader == Some(leader) && m.current_term == term
                    })
                    .count();
                if followers * 2 > self.voters.len() {
                    return leader;
                }
            }
            if tokio::time::Instant::now() >= end {
                self.dump();
                panic!("seed {}: no leader within {within:?}", self.seed);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    fn dump(&self) {
        for c in self.nodes.values() {
            let m = c.raft.metrics().borrow().clone();
            eprintln!(
                "node {} {:?} term {} vote {} leader {:?} last_log {:?} applied {:?} \
                 snapshot {:?} purged {:?} membership {:?} replication {:?}",
                m.id,
                m.state,
                m.current_term,
                m.vote,
                m.current_leader,
                m.last_log_index,
                m.last_applied.map(|l| l.index),
                m.snapshot.map(|l| l.index),
                m.purged.map(|l| l.index),
                m.membership_config.membership(),
                m.replication,
            );
        }
    }

    pub fn term_of(&self, id: u64) -> u64 {
        self.nodes[&id].raft.metrics().borrow().current_term
    }

    fn next_record(&mut self) -> (String, MetadataRecord) {
        self.next_write += 1;
        let key = format!("k{:05}", self.next_write);
        let record = MetadataRecord::Config {
            resource: ConfigResource::Broker(String::new()),
            key: key.clone(),
            value: Some(self.next_write.to_string()),
        };
        (key, record)
    }

    /// Proposes one record through `via`, waiting at most `within`; returns whether it was
    /// acknowledged (committed and applied on `via`).
    pub async fn write_via(&mut self, via: u64, within: Duration) -> bool {
        let (key, record) = self.next_record();
        let raft = self.nodes[&via].raft.clone();
        let value = match &record {
            MetadataRecord::Config { value, .. } => value.clone().unwrap(),
            _ => unreachable!(),
        };
        let write = raft.client_write(vec![record]);
        let result = tokio::time::timeout(within, write).await;
        match result {
            Ok(Ok(response)) => {
                assert_eq!(response.data.refused, None, "seed {}", self.seed);
                self.acked.insert(key, value);
                true
            }
            Ok(Err(RaftError::APIError(ClientWriteError::ForwardToLeader(_)))) => false,
            _ => {
                self.maybe.insert(key);
                false
            }
        }
    }

    /// Writes `count` records through the current leader, each given `within` to commit, and
    /// checks while doing so; returns how many were acknowledged.
    pub async fn write(&mut self, count: usize, within: Duration) -> usize {
        let mut acked = 0;
        for _ in 0..count {
            self.check();
            if let Some(leader) = self.leader() {
                if self.write_via(leader, within).await {
                    acked += 1;
                }
            } else {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        acked
    }

    /// Stops a node (a crash: nothing is flushed beyond what storage already did).
    pub async fn kill(&mut self, id: u64) {
        self.router.remove(id);
        self.slots.remove(&id);
        if let Some(controller) = self.nodes.remove(&id) {
            controller.raft.shutdown().await.unwrap();
        }
    }

    /// Starts a stopped node again from its directory.
    pub async fn restart(&mut self, id: u64) {
        assert!(!self.nodes.contains_key(&id));
        self.history.lock().unwrap().last_applied.remove(&id);
        self.boot(id).await;
    }

    /// Stops a node and empties its directory: it lost its disk.
    pub async fn wipe(&mut self, id: u64) {
        self.kill(id).await;
        self.dirs.insert(id, tempfile::tempdir().unwrap());
        self.history.lock().unwrap().forget(id);
    }

    /// Replaces the voter set through the current leader.
    pub async fn change_voters(&mut self, voters: BTreeSet<u64>) {
        let leader = self.wait_leader(Duration::from_secs(10)).await;
        self.nodes[&leader]
            .raft
            .change_membership(ChangeMembers::ReplaceAllVoters(voters.clone()), false)
            .await
            .unwrap_or_else(|e| panic!("seed {}: change voters: {e}", self.seed));
        self.voters = voters.into_iter().collect();
    }

    /// Heals the network, waits until every running node has applied everything the leader
    /// has, then checks that all images are the same and hold every acknowledged write.
    pub async fn converge(&mut self) {
        self.router.heal();
        self.router.set_loss_per_mille(0);
        // A write in the leader's term commits everything before it (Raft §5.4.2).
        let end = tokio::time::Instant::now() + Duration::from_secs(30);
        let leader = loop {
            let leader = self.wait_leader(Duration::from_secs(20)).await;
            if self.write_via(leader, Duration::from_secs(2)).await {
                break leader;
            }
            if tokio::time::Instant::now() >= end {
                self.dump();
                panic!("seed {}: no leader commits", self.seed);
            }
            self.run_for(Duration::from_millis(50)).await;
        };
        let end = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            self.run_for(Duration::from_millis(20)).await;
            let target = self.nodes[&leader].raft.metrics().borrow().last_applied;
            let done = self
                .nodes
                .values()
                .all(|c| c.raft.metrics().borrow().last_applied == target);
            if done {
                break;
            }
            assert!(
                tokio::time::Instant::now() < end,
                "seed {}: nodes did not converge",
                self.seed
            );
        }
        let images: Vec<_> = self
            .nodes
            .values()
            .map(|c| (c.id, Arc::clone(&c.images.borrow())))
            .collect();
        let (first_id, first) = &images[0];
        for (id, image) in &images[1..] {
            assert_eq!(
                **image, **first,
                "seed {}: node {id} and node {first_id} differ",
                self.seed
            );
        }
        let configs = first.broker_configs.get("").cloned().unwrap_or_default();
        for (key, value) in &self.acked {
            assert_eq!(
                configs.get(key),
                Some(value),
                "seed {}: acknowledged write {key} lost",
                self.seed
            );
        }
        for key in configs.keys() {
            assert!(
                self.acked.contains_key(key) || self.maybe.contains(key),
                "seed {}: {key} was never written",
                self.seed
            );
        }
        self.assert_no_violations();
    }

    pub async fn shutdown(mut self) {
        for id in self.nodes.keys().copied().collect::<Vec<_>>() {
            self.kill(id).await;
        }
    }

    pub fn random_node(&mut self, except: Option<u64>) -> u64 {
        let candidates: Vec<u64> = self
            .nodes
            .keys()
            .copied()
            .filter(|i| Some(*i) != except)
            .collect();
        candidates[self.rng.gen_range(0..candidates.len())]
    }
}
