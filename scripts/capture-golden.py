#!/usr/bin/env python3
"""A recording TCP proxy for Kafka traffic, used by scripts/capture-golden.

Listens on 127.0.0.1:PORT, forwards every connection to the broker at UPSTREAM byte for byte
(it rewrites nothing: the broker itself advertises the proxy's address in Metadata), and
writes each complete request and response frame (the bytes after the 4-byte size prefix) to
OUT/<client>/, where <client> is the text of CONTROL_FILE read when a connection is accepted.
Frames are appended to OUT/<client>/manifest.tsv as they complete:

    seq  kind(request|response)  api_key  api_version  correlation_id  connection  file

Requests get a sequence number per client directory in arrival order; a response carries the
sequence number of the request with its correlation id (acks=0 Produce requests have none).
Stops on SIGTERM or SIGINT. Every socket has a timeout, so no thread blocks forever.
"""
import argparse
import os
import signal
import socket
import struct
import sys
import threading

# snake_case names for the manifest and file names; unknown keys are written as api<N>.
API_NAMES = {
    0: "produce", 1: "fetch", 2: "list_offsets", 3: "metadata", 8: "offset_commit",
    9: "offset_fetch", 10: "find_coordinator", 11: "join_group", 12: "heartbeat",
    13: "leave_group", 14: "sync_group", 15: "describe_groups", 16: "list_groups",
    17: "sasl_handshake", 18: "api_versions", 19: "create_topics", 20: "delete_topics",
    21: "delete_records", 22: "init_producer_id", 32: "describe_configs",
    60: "describe_cluster", 75: "describe_topic_partitions",
}
IDLE_TIMEOUT_S = 120
MAX_FRAME_BYTES = 100 << 20


class ClientDir:
    """Output directory of one client: file numbering and the manifest, behind one lock."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.seq = 0
        self.connections = 0
        os.makedirs(path, exist_ok=True)
        self.manifest = os.path.join(path, "manifest.tsv")
        if not os.path.exists(self.manifest):
            with open(self.manifest, "w") as f:
                f.write("seq\tkind\tapi_key\tapi_version\tcorrelation_id\tconnection\tfile\n")

    def new_connection(self):
        with self.lock:
            self.connections += 1
            return self.connections

    def write(self, kind, seq, api_key, api_version, correlation_id, connection, frame):
        name = API_NAMES.get(api_key, f"api{api_key}")
        file = f"{seq:03d}-{name}-v{api_version}-{kind}.bin"
        with self.lock:
            with open(os.path.join(self.path, file), "wb") as f:
                f.write(frame)
            with open(self.manifest, "a") as f:
                f.write(f"{seq}\t{kind}\t{api_key}\t{api_version}\t{correlation_id}\t{connection}\t{file}\n")

    def next_seq(self):
        with self.lock:
            self.seq += 1
            return self.seq


class Connection:
    """One proxied connection: requests waiting for their response, by correlation id."""

    def __init__(self, client_dir, number):
        self.dir = client_dir
        self.number = number
        self.pending = {}
        self.lock = threading.Lock()

    def on_request(self, frame):
        if len(frame) < 8:
            return
        api_key, api_version, correlation_id = struct.unpack(">hhi", frame[:8])
        seq = self.dir.next_seq()
        with self.lock:
            self.pending[correlation_id] = (seq, api_key, api_version)
        self.dir.write("request", seq, api_key, api_version, correlation_id, self.number, frame)

    def on_response(self, frame):
        if len(frame) < 4:
            return
        (correlation_id,) = struct.unpack(">i", frame[:4])
        with self.lock:
            found = self.pending.pop(correlation_id, None)
        if found is None:
            print(f"capture-golden.py: response to unknown correlation id {correlation_id}", file=sys.stderr)
            return
        seq, api_key, api_version = found
        self.dir.write("response", seq, api_key, api_version, correlation_id, self.number, frame)


def pump(src, dst, on_frame):
    """Forwards src to dst unchanged, handing every complete frame to on_frame."""
    buf = bytearray()
    try:
        while True:
            chunk = src.recv(1 << 16)
            if not chunk:
                break
            # Record before forwarding, so a request is known before its response can arrive.
            buf += chunk
            while len(buf) >= 4:
                (size,) = struct.unpack(">i", buf[:4])
                if size < 0 or size > MAX_FRAME_BYTES:
                    raise ValueError(f"bad frame size {size}")
                if len(buf) < 4 + size:
                    break
                on_frame(bytes(buf[4:4 + size]))
                del buf[:4 + size]
            dst.sendall(chunk)
    except (OSError, ValueError) as err:
        if not isinstance(err, (ConnectionResetError, BrokenPipeError)):
            print(f"capture-golden.py: {err}", file=sys.stderr)
    finally:
        for sock in (src, dst):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(client_sock, upstream, out, control_file):
    try:
        with open(control_file) as f:
            client = f.read().strip() or "unlabelled"
    except OSError:
        client = "unlabelled"
    with dirs_lock:
        if client not in dirs:
            dirs[client] = ClientDir(os.path.join(out, client))
        client_dir = dirs[client]
    conn = Connection(client_dir, client_dir.new_connection())
    host, port = upstream.rsplit(":", 1)
    try:
        broker_sock = socket.create_connection((host, int(port)), timeout=10)
    except OSError as err:
        print(f"capture-golden.py: cannot reach {upstream}: {err}", file=sys.stderr)
        client_sock.close()
        return
    for sock in (client_sock, broker_sock):
        sock.settimeout(IDLE_TIMEOUT_S)
    back = threading.Thread(target=pump, args=(broker_sock, client_sock, conn.on_response), daemon=True)
    back.start()
    pump(client_sock, broker_sock, conn.on_request)
    back.join(IDLE_TIMEOUT_S)
    client_sock.close()
    broker_sock.close()


dirs = {}
dirs_lock = threading.Lock()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", required=True, help="HOST:PORT of the broker")
    parser.add_argument("--out", required=True)
    parser.add_argument("--control-file", required=True)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    print(f"capture-golden.py: 127.0.0.1:{args.port} -> {args.upstream}, frames in {args.out}", flush=True)
    while True:
        client_sock, _ = listener.accept()
        threading.Thread(target=serve, args=(client_sock, args.upstream, args.out, args.control_file),
                         daemon=True).start()


if __name__ == "__main__":
    main()
