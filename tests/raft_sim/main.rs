//! Simulation of the controller quorum: real openraft nodes with real file storage, joined by
//! an in-memory network with seeded faults, on a current-thread tokio runtime with paused
//! time (timers fire in virtual time, so minutes of elections take milliseconds).
//!
//! Why tokio with paused time rather than turmoil or madsim: openraft runs on tokio through
//! its `AsyncRuntime` trait and only needs timers, tasks and channels; the network is
//! already a trait (`RaftNetworkFactory`), so a seeded in-memory router gives turmoil's
//! link control without a second runtime, and madsim would need tokio patched out of the
//! whole dependency tree. What stays non-deterministic: tokio's `select!` fairness draws
//! from an unseeded generator (seeding it needs `tokio_unstable`), so two runs with one seed
//! can interleave differently. The fault schedule, message delays and losses, and
//! openraft's election timeouts all follow from the seed; the invariants are checked on
//! whatever interleaving happens, and every run prints its seed (`STROM_SIM_SEED` reruns
//! one, `STROM_SIM_SEEDS=N` runs N per scenario). In practice one seed has replayed the same
//! run (same acknowledged writes and message count) every time it was tried.

mod harness;

use harness::{seeds, Sim};
use rand::Rng;
use std::collections::BTreeSet;
use std::time::Duration;
use strom::metadata::MetadataRecord;

const SECOND: Duration = Duration::from_secs(1);

/// A quorum of 1, 3 or 5 voters elects one leader, commits writes and every node applies
/// them identically.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn elect_initial_leader() {
    for seed in seeds("elect_initial_leader", 4) {
        for voters in [1, 3, 5] {
            let mut sim = Sim::start(seed, voters).await;
            let leader = sim.wait_leader(10 * SECOND).await;
            assert!(sim.voters.contains(&leader));
            assert_eq!(sim.write(10, 2 * SECOND).await, 10, "seed {seed}");
            sim.converge().await;
            sim.shutdown().await;
        }
    }
}

/// A record that does not apply is refused at apply time on every node alike, reported
/// to the proposer, and leaves the image unchanged.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn refused_record_is_skipped_everywhere() {
    let seed = seeds("refused_record", 1)[0];
    let mut sim = Sim::start(seed, 3).await;
    let leader = sim.wait_leader(10 * SECOND).await;
    sim.write(3, 2 * SECOND).await;
    let before = sim.nodes[&leader].images.borrow().offset;
    let response = sim.nodes[&leader]
        .raft
        .client_write(vec![MetadataRecord::AddPartitions {
            id: "00000000000000000000000000000009".into(),
            partitions: 3,
            replicas: Vec::new(),
        }])
        .await
        .unwrap();
    assert!(response.data.refused.unwrap().contains("unknown topic id"));
    assert_eq!(response.data.offset, before);
    sim.converge().await;
    sim.shutdown().await;
}

/// The leader dies: the others elect a new leader in a higher term and go on committing;
/// the old leader restarts and catches up.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn leader_killed() {
    for seed in seeds("leader_killed", 8) {
        let mut sim = Sim::start(seed, 3).await;
        let old = sim.wait_leader(10 * SECOND).await;
        let old_term = sim.term_of(old);
        assert_eq!(sim.write(5, 2 * SECOND).await, 5, "seed {seed}");
        sim.kill(old).await;
        let new = sim.wait_leader(10 * SECOND).await;
        assert_ne!(new, old);
        assert!(sim.term_of(new) > old_term, "seed {seed}");
        assert_eq!(sim.write(5, 2 * SECOND).await, 5, "seed {seed}");
        sim.restart(old).await;
        sim.converge().await;
        sim.shutdown().await;
    }
}

/// Every node stops and restarts from its directory (past a snapshot and purge): the
/// committed state comes back and the quorum goes on.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn all_nodes_restarted() {
    for seed in seeds("all_nodes_restarted", 8) {
        let mut sim = Sim::start(seed, 3).await;
        sim.wait_leader(10 * SECOND).await;
        // More than `snapshot_every_entries`, so a snapshot is taken and the log purged.
        assert_eq!(sim.write(45, 2 * SECOND).await, 45, "seed {seed}");
        sim.run_for(SECOND).await;
        let before = sim.nodes[&1].images.borrow().clone();
        for id in sim.voters.clone() {
            sim.kill(id).await;
        }
        for id in sim.voters.clone() {
            sim.restart(id).await;
        }
        sim.wait_leader(10 * SECOND).await;
        sim.converge().await;
        let after = sim.nodes[&1].images.borrow().clone();
        let configs = &after.broker_configs[""];
        for (key, value) in &before.broker_configs[""] {
            assert_eq!(configs.get(key), Some(value), "seed {seed}");
        }
        sim.shutdown().await;
    }
}

/// The leader is cut off: it cannot commit, the majority elects a new leader and commits,
/// and after the partition heals the old leader drops its uncommitted entry and converges.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn leader_partitioned_away() {
    for seed in seeds("leader_partitioned_away", 8) {
        let mut sim = Sim::start(seed, 5).await;
        let old = sim.wait_leader(10 * SECOND).await;
        assert_eq!(sim.write(5, 2 * SECOND).await, 5, "seed {seed}");
        sim.router.isolate(old, &sim.voters.clone());
        assert!(
            !sim.write_via(old, 3 * SECOND).await,
            "seed {seed}: a partitioned leader committed"
        );
        let new = sim.wait_leader(10 * SECOND).await;
        assert_ne!(new, old, "seed {seed}");
        assert_eq!(sim.write(5, 2 * SECOND).await, 5, "seed {seed}");
        sim.converge().await;
        assert_eq!(
            sim.nodes[&old].images.borrow().broker_configs[""].len(),
            sim.acked.len(),
            "seed {seed}: the old leader kept its uncommitted write"
        );
        sim.shutdown().await;
    }
}

/// With two of five nodes down the majority commits; with three down nothing commits; when
/// one comes back progress resumes.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn progress_with_only_a_majority() {
    for seed in seeds("progress_with_only_a_majority", 8) {
        let mut sim = Sim::start(seed, 5).await;
        let leader = sim.wait_leader(10 * SECOND).await;
        let down_first = [sim.random_node(Some(leader)), 0];
        let second = sim.random_node(Some(leader));
        let down = if second == down_first[0] {
            sim.voters
                .iter()
                .copied()
                .find(|i| *i != leader && *i != second)
                .unwrap()
        } else {
            second
        };
        sim.kill(down_first[0]).await;
        sim.kill(down).await;
        assert_eq!(sim.write(5, 2 * SECOND).await, 5, "seed {seed}");
        let third = sim.random_node(None);
        sim.kill(third).await;
        assert_eq!(
            sim.write(3, 2 * SECOND).await,
            0,
            "seed {seed}: a minority committed"
        );
        sim.restart(down).await;
        sim.wait_leader(10 * SECOND).await;
        assert!(sim.write(5, 2 * SECOND).await >= 4, "seed {seed}");
        sim.restart(down_first[0]).await;
        sim.restart(third).await;
        sim.converge().await;
        sim.shutdown().await;
    }
}

/// Faults one after another, with lossy and slow links: kills, restarts, partitions and a
/// one-way cut, with writes in between; the quorum converges afterwards.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn back_to_back_failures() {
    for seed in seeds("back_to_back_failures", 8) {
        let mut sim = Sim::start(seed, 5).await;
        sim.wait_leader(10 * SECOND).await;
        sim.router.set_delay_ms(1, 30);
        sim.router.set_loss_per_mille(50);
        let all = sim.voters.clone();
        for _ in 0..8 {
            let down: Vec<u64> = all
                .iter()
                .copied()
                .filter(|i| !sim.nodes.contains_key(i))
                .collect();
            match sim.rng.gen_range(0..5) {
                0 if down.len() < 2 => {
                    let victim = sim.leader().unwrap_or_else(|| sim.random_node(None));
                    sim.kill(victim).await;
                }
                1 if !down.is_empty() => sim.restart(down[0]).await,
                2 => {
                    let victim = sim.random_node(None);
                    sim.router.isolate(victim, &all);
                }
                3 => {
                    let from = sim.random_node(None);
                    let to = sim.random_node(Some(from));
                    sim.router.cut_one_way(from, to);
                }
                _ => sim.router.heal(),
            }
            sim.write(3, SECOND).await;
            let pause = Duration::from_millis(sim.rng.gen_range(100..1500));
            sim.run_for(pause).await;
        }
        for id in all {
            if !sim.nodes.contains_key(&id) {
                sim.restart(id).await;
            }
        }
        sim.router.set_delay_ms(1, 5);
        sim.converge().await;
        eprintln!(
            "seed {seed}: {} acknowledged, {} unknown, {} messages",
            sim.acked.len(),
            sim.maybe.len(),
            sim.router.delivered()
        );
        sim.shutdown().await;
    }
}

/// A node loses its disk. Raft's safety rests on a node never forgetting its vote or the
/// entries it acknowledged, so a node with an empty disk must not come back as the same
/// voter (it could vote twice in a term, or help elect a leader missing committed entries).
/// As KIP-853 does with a new directory id, it is removed from the voters first, then
/// rejoins as a learner, catches up (by snapshot: the log it needs was purged), and only
/// then becomes a voter again.
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn node_loses_its_disk() {
    for seed in seeds("node_loses_its_disk", 8) {
        let mut sim = Sim::start(seed, 3).await;
        let leader = sim.wait_leader(10 * SECOND).await;
        assert_eq!(sim.write(45, 2 * SECOND).await, 45, "seed {seed}");
        let lost = sim.random_node(Some(leader));
        let remaining: BTreeSet<u64> = sim.voters.iter().copied().filter(|i| *i != lost).collect();
        sim.change_voters(remaining.clone()).await;
        sim.wipe(lost).await;
        sim.restart(lost).await;
        assert!(sim.nodes[&lost].images.borrow().broker_configs.is_empty());
        let leader = sim.wait_leader(10 * SECOND).await;
        sim.nodes[&leader]
            .raft
            .add_learner(lost, harness::node(lost), true)
            .await
            .unwrap_or_else(|e| panic!("seed {seed}: add learner: {e}"));
        let mut voters = remaining;
        voters.insert(lost);
        sim.change_voters(voters).await;
        assert_eq!(sim.write(5, 2 * SECOND).await, 5, "seed {seed}");
        sim.converge().await;
        sim.shutdown().await;
    }
}

/// The checker itself: two nodes applying different records at one index, or a node
/// skipping an index, are reported as violations.
#[test]
fn checker_flags_divergence_and_gaps() {
    use openraft::{CommittedLeaderId, LogId};
    use strom::metadata::ConfigResource;
    use strom::raft::state_machine::Event;
    use strom::raft::Applied;
    let record = |v: &str| MetadataRecord::Config {
        resource: ConfigResource::Broker(String::new()),
        key: "k".into(),
        value: Some(v.into()),
    };
    let (a, b) = ([record("a")], [record("b")]);
    let result = Applied {
        offset: 0,
        refused: None,
    };
    let at = |index| LogId::new(CommittedLeaderId::new(1, 1), index);
    let mut history = harness::History::default();
    for (node, index, records) in [(1, 0, &a), (2, 0, &b), (3, 1, &a)] {
        history.observe(
            node,
            Event::Applied {
                log_id: at(index),
                records: Some(&records[..]),
                result: &result,
            },
        );
    }
    assert_eq!(history.violations.len(), 2, "{:?}", history.violations);
    assert!(history.violations[0].contains("node 2 applied"));
    assert!(history.violations[1].contains("node 3 applied index 1 after None"));
}
