//! InitProducerId: a new producer id (epoch 0) for an idempotent producer. Transactional
//! producers are refused until transactions are implemented: INVALID_REQUEST is final, so
//! the client reports it instead of retrying forever.

use crate::broker::Broker;
use strom_protocol::generated::{InitProducerIdRequest, InitProducerIdResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: InitProducerIdRequest) -> InitProducerIdResponse {
    let refuse = |code: ErrorCode| InitProducerIdResponse {
        error_code: code.0,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    if request.transactional_id.is_some() {
        tracing::info!(transactional_id = ?request.transactional_id, "transactional producer refused: transactions are not supported");
        return refuse(ErrorCode::INVALID_REQUEST);
    }
    match broker.allocate_producer_id() {
        Ok(producer_id) => InitProducerIdResponse {
            error_code: ErrorCode::NONE.0,
            producer_id,
            producer_epoch: 0,
            ..Default::default()
        },
        Err(e) => {
            tracing::error!(error = %e, "recording a producer id block failed");
            refuse(ErrorCode::KAFKA_STORAGE_ERROR)
        }
    }
}
