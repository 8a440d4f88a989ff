//! A connection's pending output: encoded answers, in order, where the record bytes of
//! fetch answers may stay in their segment files and go to the socket with `sendfile(2)`
//! (no copy through strom's memory: the kernel moves page-cache pages into the socket).
//!
//! How a file range gets into an encoded answer: the fetch handler puts a *placeholder* in
//! the answer's `records` field, a distinct range of a static zero-filled region of exactly
//! the slice's length (`Placeholders`), and remembers which file range it stands for. The
//! generated encoder writes `records` with one `put_slice`; `Splitter`, the `BufMut` the
//! answer is encoded through, recognises the placeholder by address and length and records
//! the file range instead of copying bytes. Every placeholder must be met exactly once, or
//! the answer is re-encoded with the bytes read into memory: a placeholder's zeros never
//! reach a client.

use crate::log::FileSlice;
use bytes::buf::UninitSlice;
use bytes::{BufMut, Bytes, BytesMut};
use std::os::fd::AsRawFd;
use strom_protocol::{EncodeError, ResponseBody};
use tokio::io::{AsyncWriteExt, Interest};
use tokio::net::TcpStream;

/// Size of the placeholder region: the most record bytes one fetch answer can send from
/// files; beyond it, records are read into memory. Zero-filled statics live in `.bss`, so
/// this costs address space, not memory (placeholders are never read).
const PLACEHOLDER_BYTES: usize = 64 << 20;
static PLACEHOLDER: [u8; PLACEHOLDER_BYTES] = [0; PLACEHOLDER_BYTES];

/// A file range standing in for the placeholder at `address` (of the range's length).
#[derive(Debug, Clone)]
pub struct Placed {
    address: usize,
    pub slice: FileSlice,
}

impl Placed {
    /// Whether `bytes` is this placeholder.
    pub fn is(&self, bytes: &[u8]) -> bool {
        bytes.as_ptr() as usize == self.address && bytes.len() as u64 == self.slice.len
    }
}

/// Hands out distinct placeholders for one answer.
#[derive(Debug, Default)]
pub struct Placeholders {
    used: usize,
    pub placed: Vec<Placed>,
}

impl Placeholders {
    /// A placeholder for `slice`, or `None` when the region is used up (the caller then
    /// reads the bytes).
    pub fn place(&mut self, slice: FileSlice) -> Option<Bytes> {
        let len = usize::try_from(slice.len).ok()?;
        if len == 0 || self.used + len > PLACEHOLDER_BYTES {
            return None;
        }
        let bytes = &PLACEHOLDER[self.used..self.used + len];
        self.used += len;
        self.placed.push(Placed {
            address: bytes.as_ptr() as usize,
            slice,
        });
        Some(Bytes::from_static(bytes))
    }
}

enum Part {
    Mem(Bytes),
    File(FileSlice),
}

/// Pending output: `parts` go first, then `buf`.
#[derive(Default)]
pub struct Output {
    parts: Vec<Part>,
    /// Bytes in `parts`.
    parts_len: usize,
    pub buf: BytesMut,
}

impl Output {
    pub fn with_capacity(capacity: usize) -> Output {
        Output {
            buf: BytesMut::with_capacity(capacity),
            ..Output::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty() && self.buf.is_empty()
    }

    /// Bytes pending.
    pub fn len(&self) -> usize {
        self.parts_len + self.buf.len()
    }

    /// Encodes an answer whose `records` fields may hold the placeholders in `placed`.
    /// Returns false, with nothing written, when not every placeholder was recognised
    /// (an encoder that did not write `records` with one `put_slice`): the caller then
    /// puts the bytes in place of the placeholders and encodes normally.
    pub fn encode_placed(
        &mut self,
        correlation_id: i32,
        version: i16,
        response: &ResponseBody,
        placed: &[Placed],
    ) -> Result<bool, EncodeError> {
        if placed.is_empty() {
            strom_protocol::encode_response(&mut self.buf, correlation_id, version, response)?;
            return Ok(true);
        }
        let parts_before = self.parts.len();
        let buf_before = self.buf.len();
        let parts_len_before = self.parts_len;
        let mut splitter = Splitter {
            output: self,
            placed,
            met: 0,
        };
        let encoded =
            strom_protocol::encode_response_into(&mut splitter, correlation_id, version, response);
        let all_met = splitter.met == placed.len();
        if encoded.is_err() || !all_met {
            self.undo(parts_before, parts_len_before, buf_before);
        }
        encoded.map(|_| all_met)
    }

    fn undo(&mut self, parts: usize, parts_len: usize, buf_len: usize) {
        // Everything written since is either in `buf` past `buf_len`, or in parts pushed
        // after `parts` followed by the current `buf`.
        if self.parts.len() == parts {
            self.buf.truncate(buf_len);
            return;
        }
        let mut tail = BytesMut::new();
        if let Some(Part::Mem(first)) = self.parts.get(parts) {
            tail.extend_from_slice(&first[..buf_len.min(first.len())]);
        }
        self.parts.truncate(parts);
        self.parts_len = parts_len;
        self.buf = tail;
    }

    /// Moves `buf` into `parts`.
    fn seal(&mut self) {
        if !self.buf.is_empty() {
            let head = self.buf.split().freeze();
            self.parts_len += head.len();
            self.parts.push(Part::Mem(head));
        }
    }

    /// Writes everything pending to `stream`, in order.
    pub async fn write_to(&mut self, stream: &mut TcpStream) -> std::io::Result<()> {
        for part in self.parts.drain(..) {
            match part {
                Part::Mem(bytes) => stream.write_all(&bytes).await?,
                Part::File(slice) => send_file(stream, &slice).await?,
            }
        }
        self.parts_len = 0;
        if !self.buf.is_empty() {
            stream.write_all(&self.buf).await?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// Sends a file range to the socket with `sendfile(2)`, waiting for writability as needed.
async fn send_file(stream: &mut TcpStream, slice: &FileSlice) -> std::io::Result<()> {
    let socket = stream.as_raw_fd();
    let file = slice.file.as_raw_fd();
    let mut position = slice.position;
    let mut left = slice.len;
    while left > 0 {
        stream.writable().await?;
        let sent = stream.try_io(Interest::WRITABLE, || {
            let mut offset = libc::off_t::try_from(position)
                .map_err(|_| std::io::Error::other("file position out of range"))?;
            let count = usize::try_from(left).unwrap_or(usize::MAX).min(1 << 30);
            // SAFETY: both descriptors are open for the duration of the call (the stream and
            // the `Arc<File>` are borrowed), and `offset` is a valid, exclusively borrowed
            // off_t that the kernel updates.
            let n = unsafe { libc::sendfile(socket, file, &mut offset, count) };
            if n < 0 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(n as u64)
            }
        });
        match sent {
            Ok(0) => {
                // The file is shorter than when the answer was built (truncated since): the
                // frame cannot be completed, so the connection must close.
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "segment file shorter than the fetch answer promised",
                ));
            }
            Ok(n) => {
                position += n;
                left -= n;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The `BufMut` an answer with placeholders is encoded through.
struct Splitter<'a> {
    output: &'a mut Output,
    placed: &'a [Placed],
    met: usize,
}

// SAFETY: every method delegates to the inner `BytesMut`, whose own implementation upholds
// the trait's contract; `put_slice` either delegates or writes nothing to `buf`.
unsafe impl BufMut for Splitter<'_> {
    fn remaining_mut(&self) -> usize {
        self.output.buf.remaining_mut()
    }

    unsafe fn advance_mut(&mut self, cnt: usize) {
        // SAFETY: the caller's guarantee (cnt bytes of chunk_mut initialised) is passed on.
        unsafe { self.output.buf.advance_mut(cnt) }
    }

    fn chunk_mut(&mut self) -> &mut UninitSlice {
        self.output.buf.chunk_mut()
    }

    fn put_slice(&mut self, src: &[u8]) {
        let found = self.placed.iter().find(|p| p.is(src));
        match found {
            Some(p) => {
                self.output.seal();
                self.output.parts_len += src.len();
                self.output.parts.push(Part::File(p.slice.clone()));
                self.met += 1;
            }
            None => self.output.buf.put_slice(src),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::Arc;
    use strom_protocol::generated::fetch_response::{FetchableTopicResponse, PartitionData};
    use strom_protocol::generated::FetchResponse;
    use tokio::io::AsyncReadExt;

    fn file_with(content: &[u8]) -> (tempfile::NamedTempFile, Arc<std::fs::File>) {
        let mut tmp = tempfile::NamedTempFile::new().unwrap();
        tmp.write_all(content).unwrap();
        let file = Arc::new(std::fs::File::open(tmp.path()).unwrap());
        (tmp, file)
    }

    fn fetch(records: Vec<Option<Bytes>>) -> ResponseBody {
        ResponseBody::Fetch(FetchResponse {
            responses: vec![FetchableTopicResponse {
                topic: "t".into(),
                partitions: records
                    .into_iter()
                    .enumerate()
                    .map(|(i, records)| PartitionData {
                        partition_index: i as i32,
                        records,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }],
            ..Default::default()
        })
    }

    /// Everything pending, as the peer of the socket receives it.
    async fn sent(output: &mut Output) -> Vec<u8> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (mut server, _) = listener.accept().await.unwrap();
        let reader = tokio::spawn(async move {
            let mut all = Vec::new();
            server.read_to_end(&mut all).await.unwrap();
            all
        });
        output.write_to(&mut client).await.unwrap();
        drop(client);
        reader.await.unwrap()
    }

    /// An answer whose records are placeholders goes out byte for byte as the same answer
    /// encoded with the file's bytes in memory, after what was already pending.
    #[tokio::test]
    async fn placeholders_are_sent_from_the_file() {
        let content: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let (_tmp, file) = file_with(&content);
        let mut placeholders = Placeholders::default();
        let a = FileSlice {
            file: Arc::clone(&file),
            position: 10,
            len: 150_000,
        };
        let b = FileSlice {
            file: Arc::clone(&file),
            position: 160_000,
            len: 40_000,
        };
        let pa = placeholders.place(a).unwrap();
        let pb = placeholders.place(b).unwrap();
        let body = fetch(vec![
            Some(pa),
            None,
            Some(Bytes::from_static(b"mem")),
            Some(pb),
        ]);
        let expected_body = fetch(vec![
            Some(Bytes::copy_from_slice(&content[10..150_010])),
            None,
            Some(Bytes::from_static(b"mem")),
            Some(Bytes::copy_from_slice(&content[160_000..])),
        ]);
        let mut expected = BytesMut::from(&b"earlier"[..]);
        strom_protocol::encode_response(&mut expected, 7, 12, &expected_body).unwrap();
        strom_protocol::encode_response(&mut expected, 8, 4, &expected_body).unwrap();

        let mut output = Output::with_capacity(16);
        output.buf.extend_from_slice(b"earlier");
        assert!(output
            .encode_placed(7, 12, &body, &placeholders.placed)
            .unwrap());
        assert!(output
            .encode_placed(8, 4, &body, &placeholders.placed)
            .unwrap());
        assert_eq!(output.len(), expected.len());
        assert_eq!(sent(&mut output).await, expected.to_vec());
        assert!(output.is_empty());
    }

    /// A placeholder the encoder never wrote leaves the output as it was and says so.
    #[tokio::test]
    async fn unmet_placeholders_write_nothing() {
        let (_tmp, file) = file_with(b"0123456789");
        let mut placeholders = Placeholders::default();
        let p = placeholders
            .place(FileSlice {
                file,
                position: 0,
                len: 10,
            })
            .unwrap();
        // The answer holds a copy of the placeholder, not the placeholder itself.
        let body = fetch(vec![Some(Bytes::copy_from_slice(&p)), Some(p.clone())]);
        let lone = fetch(vec![Some(Bytes::copy_from_slice(&p))]);
        let mut output = Output::default();
        output.buf.extend_from_slice(b"x");
        // Two placeholders claimed, one present: not all met.
        let mut twice = placeholders.placed.clone();
        twice.push(placeholders.placed[0].clone());
        twice[1].address += 1;
        assert!(!output.encode_placed(1, 12, &body, &twice).unwrap());
        assert_eq!(output.len(), 1);
        assert!(!output
            .encode_placed(1, 12, &lone, &placeholders.placed)
            .unwrap());
        assert_eq!(sent(&mut output).await, b"x".to_vec());
    }

    /// The region runs out rather than handing out overlapping placeholders.
    #[test]
    fn placeholders_are_distinct_and_bounded() {
        let (_tmp, file) = file_with(b"abc");
        let slice = |len| FileSlice {
            file: Arc::clone(&file),
            position: 0,
            len,
        };
        let mut placeholders = Placeholders::default();
        let a = placeholders.place(slice(3)).unwrap();
        let b = placeholders.place(slice(3)).unwrap();
        assert_ne!(a.as_ptr(), b.as_ptr());
        assert!(placeholders.place(slice(0)).is_none());
        assert!(placeholders
            .place(slice(PLACEHOLDER_BYTES as u64))
            .is_none());
        assert_eq!(placeholders.placed.len(), 2);
    }
}
