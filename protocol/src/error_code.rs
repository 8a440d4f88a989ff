//! Every Kafka error code up to Apache Kafka 4.1 (-1 to 133), with the name Kafka gives it
//! and whether clients treat it as retriable.
//!
//! `ErrorCode` is a plain `i16` newtype so that codes this table does not know (from a newer
//! peer) still round-trip; [`ErrorCode::name`] reports those as `UNKNOWN_ERROR_CODE`. The
//! table is contiguous from -1, so a lookup is an index, and a unit test keeps it that way.
//! Facts (codes, names, retriable flags) are from the Kafka protocol guide and Errors.java:
//! "retriable" means the Java client's exception for the code is a `RetriableException`.

use std::fmt;

/// A Kafka error code as carried in responses. `NONE` (0) means success.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ErrorCode(pub i16);

/// Defines the associated constants and the lookup table from one list, so the two cannot
/// drift apart.
macro_rules! error_codes {
    ($($name:ident = $code:literal $(, $retriable:ident)?;)*) => {
        impl ErrorCode {
            $(pub const $name: ErrorCode = ErrorCode($code);)*

            /// Every known code, in numeric order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name),*];
        }

        /// `(name, retriable)` indexed by `code + 1`.
        const TABLE: &[(i16, &str, bool)] = &[$(($code, stringify!($name), error_codes!(@flag $($retriable)?))),*];
    };
    (@flag retriable) => { true };
    (@flag) => { false };
}

error_codes! {
    UNKNOWN_SERVER_ERROR = -1;
    NONE = 0;
    OFFSET_OUT_OF_RANGE = 1;
    CORRUPT_MESSAGE = 2, retriable;
    UNKNOWN_TOPIC_OR_PARTITION = 3, retriable;
    INVALID_FETCH_SIZE = 4;
    LEADER_NOT_AVAILABLE = 5, retriable;
    NOT_LEADER_OR_FOLLOWER = 6, retriable;
    REQUEST_TIMED_OUT = 7, retriable;
    BROKER_NOT_AVAILABLE = 8;
    REPLICA_NOT_AVAILABLE = 9, retriable;
    MESSAGE_TOO_LARGE = 10;
    STALE_CONTROLLER_EPOCH = 11;
    OFFSET_METADATA_TOO_LARGE = 12;
    NETWORK_EXCEPTION = 13, retriable;
    COORDINATOR_LOAD_IN_PROGRESS = 14, retriable;
    COORDINATOR_NOT_AVAILABLE = 15, retriable;
    NOT_COORDINATOR = 16, retriable;
    INVALID_TOPIC_EXCEPTION = 17;
    RECORD_LIST_TOO_LARGE = 18;
    NOT_ENOUGH_REPLICAS = 19, retriable;
    NOT_ENOUGH_REPLICAS_AFTER_APPEND = 20, retriable;
    INVALID_REQUIRED_ACKS = 21;
    ILLEGAL_GENERATION = 22;
    INCONSISTENT_GROUP_PROTOCOL = 23;
    INVALID_GROUP_ID = 24;
    UNKNOWN_MEMBER_ID = 25;
    INVALID_SESSION_TIMEOUT = 26;
    REBALANCE_IN_PROGRESS = 27;
    INVALID_COMMIT_OFFSET_SIZE = 28;
    TOPIC_AUTHORIZATION_FAILED = 29;
    GROUP_AUTHORIZATION_FAILED = 30;
    CLUSTER_AUTHORIZATION_FAILED = 31;
    INVALID_TIMESTAMP = 32;
    UNSUPPORTED_SASL_MECHANISM = 33;
    ILLEGAL_SASL_STATE = 34;
    UNSUPPORTED_VERSION = 35;
    TOPIC_ALREADY_EXISTS = 36;
    INVALID_PARTITIONS = 37;
    INVALID_REPLICATION_FACTOR = 38;
    INVALID_REPLICA_ASSIGNMENT = 39;
    INVALID_CONFIG = 40;
    NOT_CONTROLLER = 41, retriable;
    INVALID_REQUEST = 42;
    UNSUPPORTED_FOR_MESSAGE_FORMAT = 43;
    POLICY_VIOLATION = 44;
    OUT_OF_ORDER_SEQUENCE_NUMBER = 45;
    DUPLICATE_SEQUENCE_NUMBER = 46;
    INVALID_PRODUCER_EPOCH = 47;
    INVALID_TXN_STATE = 48;
    INVALID_PRODUCER_ID_MAPPING = 49;
    INVALID_TRANSACTION_TIMEOUT = 50;
    CONCURRENT_TRANSACTIONS = 51;
    TRANSACTION_COORDINATOR_FENCED = 52;
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED = 53;
    SECURITY_DISABLED = 54;
    OPERATION_NOT_ATTEMPTED = 55;
    KAFKA_STORAGE_ERROR = 56, retriable;
    LOG_DIR_NOT_FOUND = 57;
    SASL_AUTHENTICATION_FAILED = 58;
    UNKNOWN_PRODUCER_ID = 59;
    REASSIGNMENT_IN_PROGRESS = 60;
    DELEGATION_TOKEN_AUTH_DISABLED = 61;
    DELEGATION_TOKEN_NOT_FOUND = 62;
    DELEGATION_TOKEN_OWNER_MISMATCH = 63;
    DELEGATION_TOKEN_REQUEST_NOT_ALLOWED = 64;
    DELEGATION_TOKEN_AUTHORIZATION_FAILED = 65;
    DELEGATION_TOKEN_EXPIRED = 66;
    INVALID_PRINCIPAL_TYPE = 67;
    NON_EMPTY_GROUP = 68;
    GROUP_ID_NOT_FOUND = 69;
    FETCH_SESSION_ID_NOT_FOUND = 70, retriable;
    INVALID_FETCH_SESSION_EPOCH = 71, retriable;
    LISTENER_NOT_FOUND = 72, retriable;
    TOPIC_DELETION_DISABLED = 73;
    FENCED_LEADER_EPOCH = 74, retriable;
    UNKNOWN_LEADER_EPOCH = 75, retriable;
    UNSUPPORTED_COMPRESSION_TYPE = 76;
    STALE_BROKER_EPOCH = 77;
    OFFSET_NOT_AVAILABLE = 78, retriable;
    MEMBER_ID_REQUIRED = 79;
    PREFERRED_LEADER_NOT_AVAILABLE = 80, retriable;
    GROUP_MAX_SIZE_REACHED = 81;
    FENCED_INSTANCE_ID = 82;
    ELIGIBLE_LEADERS_NOT_AVAILABLE = 83, retriable;
    ELECTION_NOT_NEEDED = 84, retriable;
    NO_REASSIGNMENT_IN_PROGRESS = 85;
    GROUP_SUBSCRIBED_TO_TOPIC = 86;
    INVALID_RECORD = 87;
    UNSTABLE_OFFSET_COMMIT = 88, retriable;
    THROTTLING_QUOTA_EXCEEDED = 89, retriable;
    PRODUCER_FENCED = 90;
    RESOURCE_NOT_FOUND = 91;
    DUPLICATE_RESOURCE = 92;
    UNACCEPTABLE_CREDENTIAL = 93;
    INCONSISTENT_VOTER_SET = 94;
    INVALID_UPDATE_VERSION = 95;
    FEATURE_UPDATE_FAILED = 96;
    PRINCIPAL_DESERIALIZATION_FAILURE = 97;
    SNAPSHOT_NOT_FOUND = 98;
    POSITION_OUT_OF_RANGE = 99;
    UNKNOWN_TOPIC_ID = 100, retriable;
    DUPLICATE_BROKER_REGISTRATION = 101;
    BROKER_ID_NOT_REGISTERED = 102;
    INCONSISTENT_TOPIC_ID = 103, retriable;
    INCONSISTENT_CLUSTER_ID = 104;
    TRANSACTIONAL_ID_NOT_FOUND = 105;
    FETCH_SESSION_TOPIC_ID_ERROR = 106, retriable;
    INELIGIBLE_REPLICA = 107;
    NEW_LEADER_ELECTED = 108;
    OFFSET_MOVED_TO_TIERED_STORAGE = 109;
    FENCED_MEMBER_EPOCH = 110;
    UNRELEASED_INSTANCE_ID = 111;
    UNSUPPORTED_ASSIGNOR = 112;
    STALE_MEMBER_EPOCH = 113;
    MISMATCHED_ENDPOINT_TYPE = 114;
    UNSUPPORTED_ENDPOINT_TYPE = 115;
    UNKNOWN_CONTROLLER_ID = 116;
    UNKNOWN_SUBSCRIPTION_ID = 117;
    TELEMETRY_TOO_LARGE = 118;
    INVALID_REGISTRATION = 119;
    TRANSACTION_ABORTABLE = 120;
    INVALID_RECORD_STATE = 121;
    SHARE_SESSION_NOT_FOUND = 122, retriable;
    INVALID_SHARE_SESSION_EPOCH = 123, retriable;
    FENCED_STATE_EPOCH = 124;
    INVALID_VOTER_KEY = 125;
    DUPLICATE_VOTER = 126;
    VOTER_NOT_FOUND = 127;
    INVALID_REGULAR_EXPRESSION = 128;
    REBOOTSTRAP_REQUIRED = 129;
    STREAMS_INVALID_TOPOLOGY = 130;
    STREAMS_INVALID_TOPOLOGY_EPOCH = 131;
    STREAMS_TOPOLOGY_FENCED = 132;
    SHARE_SESSION_LIMIT_REACHED = 133, retriable;
}

/// Every known code, in numeric order (same as [`ErrorCode::ALL`]).
pub const ALL: &[ErrorCode] = ErrorCode::ALL;

/// The name reported for a code missing from the table.
const UNKNOWN_NAME: &str = "UNKNOWN_ERROR_CODE";

impl ErrorCode {
    /// The largest code this table knows.
    pub const MAX_KNOWN: i16 = 133;

    fn entry(self) -> Option<&'static (i16, &'static str, bool)> {
        let index = usize::try_from(i32::from(self.0) + 1).ok()?;
        TABLE.get(index).filter(|entry| entry.0 == self.0)
    }

    /// The wire value.
    pub fn code(self) -> i16 {
        self.0
    }

    /// Kafka's name for the code, e.g. `UNKNOWN_TOPIC_OR_PARTITION`.
    pub fn name(&self) -> &'static str {
        self.entry().map_or(UNKNOWN_NAME, |entry| entry.1)
    }

    /// Whether a client may retry the request unchanged and expect it to succeed later.
    /// Unknown codes are not retriable, as Java clients map them to UnknownServerException.
    pub fn is_retriable(&self) -> bool {
        self.entry().is_some_and(|entry| entry.2)
    }

    /// Whether the table knows this code.
    pub fn is_known(&self) -> bool {
        self.entry().is_some()
    }

    /// True for every code except `NONE`.
    pub fn is_err(&self) -> bool {
        self.0 != 0
    }

    /// `Ok(())` for `NONE`, else `Err(self)`.
    pub fn into_result(self) -> Result<(), ErrorCode> {
        if self.is_err() {
            Err(self)
        } else {
            Ok(())
        }
    }
}

impl From<i16> for ErrorCode {
    fn from(code: i16) -> ErrorCode {
        ErrorCode(code)
    }
}

impl From<ErrorCode> for i16 {
    fn from(code: ErrorCode) -> i16 {
        code.0
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.name(), self.0)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

impl std::error::Error for ErrorCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_contiguous_and_complete() {
        // Codes run from -1 to 133 without gaps, so lookup by index is sound.
        assert_eq!(ALL.len(), 135);
        for (index, code) in ALL.iter().enumerate() {
            assert_eq!(i32::from(code.0), index as i32 - 1);
            assert_eq!(TABLE[index].0, code.0);
        }
        assert_eq!(ALL.last(), Some(&ErrorCode(ErrorCode::MAX_KNOWN)));
    }

    #[test]
    fn names_match_kafka() {
        // A sample of codes carries Kafka's exact names.
        assert_eq!(
            ErrorCode::UNKNOWN_SERVER_ERROR.name(),
            "UNKNOWN_SERVER_ERROR"
        );
        assert_eq!(ErrorCode(0).name(), "NONE");
        assert_eq!(ErrorCode(3).name(), "UNKNOWN_TOPIC_OR_PARTITION");
        assert_eq!(ErrorCode(17).name(), "INVALID_TOPIC_EXCEPTION");
        assert_eq!(ErrorCode(35).name(), "UNSUPPORTED_VERSION");
        assert_eq!(ErrorCode(56).name(), "KAFKA_STORAGE_ERROR");
        assert_eq!(ErrorCode(87).name(), "INVALID_RECORD");
        assert_eq!(ErrorCode(110).name(), "FENCED_MEMBER_EPOCH");
        assert_eq!(ErrorCode(133).name(), "SHARE_SESSION_LIMIT_REACHED");
        assert_eq!(ErrorCode(134).name(), "UNKNOWN_ERROR_CODE");
        assert_eq!(ErrorCode(-2).name(), "UNKNOWN_ERROR_CODE");
        assert_eq!(ErrorCode(i16::MIN).name(), "UNKNOWN_ERROR_CODE");
    }

    #[test]
    fn retriable_flags() {
        // Metadata and availability errors are retriable; fencing and validation errors are not.
        let retriable: Vec<i16> = ALL
            .iter()
            .filter(|c| c.is_retriable())
            .map(|c| c.0)
            .collect();
        assert_eq!(
            retriable,
            [
                2, 3, 5, 6, 7, 9, 13, 14, 15, 16, 19, 20, 41, 56, 70, 71, 72, 74, 75, 78, 80, 83,
                84, 88, 89, 100, 103, 106, 122, 123, 133
            ]
        );
        assert!(!ErrorCode::UNKNOWN_SERVER_ERROR.is_retriable());
        assert!(!ErrorCode(500).is_retriable());
    }

    #[test]
    fn formatting_shows_name_and_number() {
        // Debug and Display both carry the name and the number.
        assert_eq!(
            format!("{:?}", ErrorCode::NOT_COORDINATOR),
            "NOT_COORDINATOR(16)"
        );
        assert_eq!(
            ErrorCode::NOT_COORDINATOR.to_string(),
            "NOT_COORDINATOR (16)"
        );
        assert_eq!(ErrorCode(999).to_string(), "UNKNOWN_ERROR_CODE (999)");
    }

    #[test]
    fn result_conversion() {
        // NONE is success; anything else is the error itself.
        assert_eq!(ErrorCode::NONE.into_result(), Ok(()));
        assert_eq!(
            ErrorCode::REBALANCE_IN_PROGRESS.into_result(),
            Err(ErrorCode(27))
        );
        assert_eq!(i16::from(ErrorCode::from(47)), 47);
        assert!(ErrorCode(133).is_known() && !ErrorCode(134).is_known());
    }
}
