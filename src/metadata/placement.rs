//! Replica placement: which brokers hold each partition of a new topic (or of partitions
//! added to one), leader first.
//!
//! Brokers are laid out on a ring, and partition `p` is led by the broker at ring position
//! `start + p`, so consecutive partitions get consecutive leaders and `n * k` partitions
//! over `n` brokers give each broker exactly `k` leaders. The followers are the next brokers
//! on the ring. When every broker has a rack, the ring alternates racks (the first broker of
//! each rack, then the second of each, ...) and the followers of a partition are chosen on
//! distinct racks first, so losing a rack loses at most one replica of a partition while
//! racks remain; when some broker has no rack the placement ignores racks, as a rack-blind
//! cluster has nothing to spread over.
//!
//! Invariants: every replica list has exactly `replication_factor` distinct brokers, all of
//! them among the given brokers; the result depends only on the arguments.

use std::collections::BTreeMap;

/// A broker that can hold replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub node_id: i32,
    pub rack: Option<String>,
}

/// Why no placement exists.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlacementError {
    #[error("Replication factor: {replication_factor} larger than available brokers: {brokers}.")]
    TooFewBrokers {
        replication_factor: i16,
        brokers: usize,
    },
    #[error("Replication factor must be larger than 0.")]
    NoReplicas,
}

/// Replica lists for partitions `first .. first + count`, leader first, with the ring
/// starting at `start` (callers pass a random or topic-derived value so that topics do
/// not all start on the same broker).
pub fn assign(
    brokers: &[Candidate],
    first: i32,
    count: i32,
    replication_factor: i16,
    start: usize,
) -> Result<Vec<Vec<i32>>, PlacementError> {
    if replication_factor < 1 {
        return Err(PlacementError::NoReplicas);
    }
    let factor = replication_factor as usize;
    if factor > brokers.len() {
        return Err(PlacementError::TooFewBrokers {
            replication_factor,
            brokers: brokers.len(),
        });
    }
    let rack_aware = brokers.iter().all(|b| b.rack.is_some());
    let ring = if rack_aware {
        rack_alternating(brokers)
    } else {
        let mut ids: Vec<&Candidate> = brokers.iter().collect();
        ids.sort_by_key(|b| b.node_id);
        ids
    };
    let racks = if rack_aware {
        ring.iter()
            .filter_map(|b| b.rack.as_deref())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    } else {
        1
    };
    let n = ring.len();
    let placed = (first..first + count)
        .map(|partition| {
            let leader = (start + partition.max(0) as usize) % n;
            let mut chosen: Vec<&Candidate> = vec![ring[leader]];
            // First pass: new racks only (skipped when racks are ignored).
            for step in 1..n {
                if chosen.len() == factor || !rack_aware {
                    break;
                }
                let candidate = ring[(leader + step) % n];
                let used = chosen.iter().filter(|c| c.rack == candidate.rack).count();
                if used == 0 && chosen.len() < racks {
                    chosen.push(candidate);
                }
            }
            // Second pass: any broker not yet chosen, in ring order.
            for step in 1..n {
                if chosen.len() == factor {
                    break;
                }
                let candidate = ring[(leader + step) % n];
                if !chosen.iter().any(|c| c.node_id == candidate.node_id) {
                    chosen.push(candidate);
                }
            }
            chosen.iter().map(|c| c.node_id).collect()
        })
        .collect();
    Ok(placed)
}

/// The brokers ordered so that racks alternate: racks by name, brokers of a rack by id;
/// the first broker of every rack, then the second of every rack, and so on.
fn rack_alternating(brokers: &[Candidate]) -> Vec<&Candidate> {
    let mut by_rack: BTreeMap<&str, Vec<&Candidate>> = BTreeMap::new();
    for broker in brokers {
        by_rack
            .entry(broker.rack.as_deref().unwrap_or_default())
            .or_default()
            .push(broker);
    }
    for members in by_rack.values_mut() {
        members.sort_by_key(|b| b.node_id);
    }
    let deepest = by_rack.values().map(Vec::len).max().unwrap_or(0);
    (0..deepest)
        .flat_map(|round| by_rack.values().filter_map(move |m| m.get(round).copied()))
        .collect()
}

/// Checks replica lists given by a client: at least one replica each, no broker twice in a
/// list, every broker registered, and one replication factor for all partitions.
pub fn check_manual(registered: &[i32], assignments: &[Vec<i32>]) -> Result<(), String> {
    let factor = assignments.first().map_or(0, Vec::len);
    for (index, replicas) in assignments.iter().enumerate() {
        if replicas.is_empty() {
            return Err(format!("Partition {index} has no replicas."));
        }
        if replicas.len() != factor {
            return Err(format!(
                "Partition {index} has {} replicas, not {factor} like the others.",
                replicas.len()
            ));
        }
        if let Some(unknown) = replicas.iter().find(|b| !registered.contains(b)) {
            return Err(format!(
                "Unknown broker {unknown} in the replica assignment."
            ));
        }
        let mut sorted = replicas.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != replicas.len() {
            return Err(format!(
                "Duplicate brokers in the replicas of partition {index}: {replicas:?}."
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brokers(specs: &[(i32, Option<&str>)]) -> Vec<Candidate> {
        specs
            .iter()
            .map(|(id, rack)| Candidate {
                node_id: *id,
                rack: rack.map(str::to_string),
            })
            .collect()
    }

    /// Six partitions over three rack-less brokers: leaders round-robin from the start
    /// offset, followers are the next brokers on the ring.
    #[test]
    fn round_robin_from_the_start_offset() {
        let three = brokers(&[(3, None), (1, None), (2, None)]);
        assert_eq!(
            assign(&three, 0, 6, 1, 0).unwrap(),
            [[1], [2], [3], [1], [2], [3]]
        );
        assert_eq!(
            assign(&three, 0, 4, 2, 1).unwrap(),
            [[2, 3], [3, 1], [1, 2], [2, 3]]
        );
        assert_eq!(assign(&three, 0, 2, 3, 2).unwrap(), [[3, 1, 2], [1, 2, 3]]);
    }

    /// Added partitions continue the ring where the existing ones stopped.
    #[test]
    fn added_partitions_continue_the_ring() {
        let three = brokers(&[(1, None), (2, None), (3, None)]);
        assert_eq!(assign(&three, 2, 3, 1, 0).unwrap(), [[3], [1], [2]]);
    }

    /// With racks, the ring alternates racks and followers land on other racks first.
    #[test]
    fn rack_aware() {
        let racked = brokers(&[
            (1, Some("a")),
            (2, Some("a")),
            (3, Some("b")),
            (4, Some("b")),
            (5, Some("c")),
        ]);
        // Ring: 1(a) 3(b) 5(c) 2(a) 4(b).
        assert_eq!(
            assign(&racked, 0, 5, 3, 0).unwrap(),
            [
                vec![1, 3, 5],
                vec![3, 5, 2],
                vec![5, 2, 4],
                vec![2, 4, 5],
                vec![4, 1, 5]
            ]
        );
        // Two racks, RF 3: two racks first, then the next broker on the ring.
        let two_racks = brokers(&[(1, Some("x")), (2, Some("x")), (3, Some("y"))]);
        // Ring: 1(x) 3(y) 2(x).
        assert_eq!(
            assign(&two_racks, 0, 3, 3, 0).unwrap(),
            [[1, 3, 2], [3, 2, 1], [2, 3, 1]]
        );
        assert_eq!(
            assign(&two_racks, 0, 3, 2, 0).unwrap(),
            [[1, 3], [3, 2], [2, 3]]
        );
    }

    /// A broker without a rack makes the placement rack-blind.
    #[test]
    fn partial_racks_are_ignored() {
        let mixed = brokers(&[(1, Some("a")), (2, Some("a")), (3, None)]);
        assert_eq!(
            assign(&mixed, 0, 3, 2, 0).unwrap(),
            [[1, 2], [2, 3], [3, 1]]
        );
    }

    /// More replicas than brokers, or none, is refused.
    #[test]
    fn impossible_factors() {
        let two = brokers(&[(1, None), (2, None)]);
        assert_eq!(
            assign(&two, 0, 1, 3, 0),
            Err(PlacementError::TooFewBrokers {
                replication_factor: 3,
                brokers: 2
            })
        );
        assert_eq!(assign(&two, 0, 1, 0, 0), Err(PlacementError::NoReplicas));
    }

    /// Manual assignments name registered brokers, once each, with one factor.
    #[test]
    fn manual_assignments() {
        let registered = [1, 2, 3];
        assert_eq!(check_manual(&registered, &[vec![2, 1], vec![3, 2]]), Ok(()));
        for bad in [
            vec![vec![]],
            vec![vec![1, 1]],
            vec![vec![4]],
            vec![vec![1], vec![1, 2]],
        ] {
            assert!(check_manual(&registered, &bad).is_err(), "{bad:?}");
        }
    }
}
