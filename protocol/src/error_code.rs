//! placeholder (lead): helper writes the real error table here.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ErrorCode(pub i16);
