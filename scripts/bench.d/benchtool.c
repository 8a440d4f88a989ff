/* benchtool: the small measurements scripts/bench needs that rdkafka_performance does not
 * make, built against the same librdkafka.
 *
 *   benchtool ready HOST PORT T0_NS TIMEOUT_MS
 *       Probes HOST:PORT every millisecond with a raw ApiVersions v0 then Metadata v1
 *       request and prints the milliseconds from T0_NS (CLOCK_REALTIME, e.g. `date +%s%N`
 *       just before the broker was spawned) to the first complete, well-formed answer.
 *
 *   benchtool create-topic BROKERS TOPIC PARTITIONS
 *       CreateTopics (replication factor 1); "already exists" is fine. Then waits until
 *       metadata lists the topic with PARTITIONS partitions, each with a leader.
 *
 *   benchtool e2e BROKERS TOPIC RATE SECONDS SIZE WARMUP_S [prop=value ...]
 *       Open-loop end-to-end latency. One producer (client defaults plus the given
 *       properties) sends message i at its intended time t0 + i/RATE, whatever happened
 *       before (a late send goes out at once and keeps its intended time, so a stall shows
 *       up as latency instead of lowering the rate). A consumer (simple assign, all
 *       partitions, from the high watermarks taken before the first send) stamps each
 *       message on arrival. Latency = arrival - intended send time, same process, monotonic
 *       clock (payload: intended time, index, run id). Messages intended in the first
 *       WARMUP_S seconds are not counted. Prints one line:
 *       `e2e sent=N counted=N lost=N ... p50_ms=.. p99_ms=.. p999_ms=.. max_ms=..`.
 *       Lost messages (not received within 10 s after the last send) count as +inf.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "rdkafka.h"

static int64_t now_ns(clockid_t clk) {
        struct timespec ts;
        clock_gettime(clk, &ts);
        return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what) {
        fprintf(stderr, "benchtool: %s\n", what);
        exit(1);
}

/* ---------------------------------------------------------------- ready --------------- */

static int read_full(int fd, unsigned char *buf, size_t len) {
        size_t got = 0;
        while (got < len) {
                ssize_t n = recv(fd, buf + got, len - got, 0);
                if (n <= 0)
                        return -1;
                got += (size_t)n;
        }
        return 0;
}

static uint32_t be32(const unsigned char *p) {
        return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Sends one request (header v1, client id "b") and reads the answer into buf. Returns
 * the answer's length, or -1. */
static int roundtrip(int fd, int16_t api_key, int16_t version, int32_t corr,
                     const unsigned char *body, size_t body_len, unsigned char *buf,
                     size_t cap) {
        unsigned char req[64];
        size_t n = 4;
        req[n++] = (unsigned char)(api_key >> 8);
        req[n++] = (unsigned char)api_key;
        req[n++] = (unsigned char)(version >> 8);
        req[n++] = (unsigned char)version;
        req[n++] = (unsigned char)(corr >> 24);
        req[n++] = (unsigned char)(corr >> 16);
        req[n++] = (unsigned char)(corr >> 8);
        req[n++] = (unsigned char)corr;
        req[n++] = 0;
        req[n++] = 1;
        req[n++] = 'b';
        memcpy(req + n, body, body_len);
        n += body_len;
        uint32_t len = (uint32_t)(n - 4);
        req[0] = (unsigned char)(len >> 24);
        req[1] = (unsigned char)(len >> 16);
        req[2] = (unsigned char)(len >> 8);
        req[3] = (unsigned char)len;
        if (send(fd, req, n, MSG_NOSIGNAL) != (ssize_t)n)
                return -1;
        unsigned char hdr[4];
        if (read_full(fd, hdr, 4))
                return -1;
        uint32_t rlen = be32(hdr);
        if (rlen < 4 || rlen > cap)
                return -1;
        if (read_full(fd, buf, rlen))
                return -1;
        if ((int32_t)be32(buf) != corr)
                return -1;
        return (int)rlen;
}

static int probe(const char *host, int port) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
                return -1;
        struct timeval tv = {.tv_sec = 1, .tv_usec = 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        int ok = -1;
        static unsigned char buf[1 << 20];
        if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
                die("ready: HOST must be an IPv4 address");
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
                /* ApiVersions v0: empty body; answer: corr, error_code(0), ... */
                int n = roundtrip(fd, 18, 0, 1, NULL, 0, buf, sizeof(buf));
                if (n >= 6 && buf[4] == 0 && buf[5] == 0) {
                        /* Metadata v1, topics = null (all); answer: corr, brokers[] */
                        static const unsigned char body[4] = {0xff, 0xff, 0xff, 0xff};
                        n = roundtrip(fd, 3, 1, 2, body, sizeof(body), buf, sizeof(buf));
                        if (n >= 8 && (int32_t)be32(buf + 4) >= 1)
                                ok = 0;
                }
        }
        close(fd);
        return ok;
}

static int cmd_ready(int argc, char **argv) {
        if (argc != 4)
                die("usage: ready HOST PORT T0_NS TIMEOUT_MS");
        int port       = atoi(argv[1]);
        int64_t t0     = strtoll(argv[2], NULL, 10);
        int64_t limit  = now_ns(CLOCK_MONOTONIC) + strtoll(argv[3], NULL, 10) * 1000000LL;
        while (now_ns(CLOCK_MONOTONIC) < limit) {
                if (probe(argv[0], port) == 0) {
                        printf("%.1f\n", (double)(now_ns(CLOCK_REALTIME) - t0) / 1e6);
                        return 0;
                }
                usleep(1000);
        }
        fprintf(stderr, "benchtool: %s:%d not serving after %s ms\n", argv[0], port, argv[3]);
        return 1;
}

/* ---------------------------------------------------------------- create-topic -------- */

static rd_kafka_t *new_client(rd_kafka_type_t type, const char *brokers, int nprops,
                              char **props) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "bootstrap.servers", brokers, errstr, sizeof(errstr)))
                die(errstr);
        for (int i = 0; i < nprops; i++) {
                char *eq = strchr(props[i], '=');
                if (!eq)
                        die("properties are prop=value");
                *eq = 0;
                if (rd_kafka_conf_set(conf, props[i], eq + 1, errstr, sizeof(errstr)))
                        die(errstr);
                *eq = '=';
        }
        rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof(errstr));
        if (!rk)
                die(errstr);
        return rk;
}

static int topic_ready(rd_kafka_t *rk, const char *topic, int partitions) {
        const struct rd_kafka_metadata *md;
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
        int ok = 0;
        if (rd_kafka_metadata(rk, 0, rkt, &md, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                if (md->topic_cnt == 1 && md->topics[0].err == 0 &&
                    md->topics[0].partition_cnt == partitions) {
                        ok = 1;
                        for (int i = 0; i < partitions; i++)
                                if (md->topics[0].partitions[i].leader < 0)
                                        ok = 0;
                }
                rd_kafka_metadata_destroy(md);
        }
        rd_kafka_topic_destroy(rkt);
        return ok;
}

static int cmd_create_topic(int argc, char **argv) {
        if (argc != 3)
                die("usage: create-topic BROKERS TOPIC PARTITIONS");
        const char *topic = argv[1];
        int partitions    = atoi(argv[2]);
        char errstr[512];
        rd_kafka_t *rk = new_client(RD_KAFKA_PRODUCER, argv[0], 0, NULL);
        rd_kafka_NewTopic_t *nt =
            rd_kafka_NewTopic_new(topic, partitions, 1, errstr, sizeof(errstr));
        if (!nt)
                die(errstr);
        rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
        rd_kafka_AdminOptions_t *opts = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
        rd_kafka_AdminOptions_set_request_timeout(opts, 10000, errstr, sizeof(errstr));
        rd_kafka_CreateTopics(rk, &nt, 1, opts, q);
        rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 15000);
        if (!ev)
                die("create-topic: no answer in 15 s");
        if (rd_kafka_event_error(ev))
                die(rd_kafka_event_error_string(ev));
        size_t cnt;
        const rd_kafka_topic_result_t **res =
            rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &cnt);
        for (size_t i = 0; i < cnt; i++) {
                rd_kafka_resp_err_t err = rd_kafka_topic_result_error(res[i]);
                if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
                        fprintf(stderr, "benchtool: create %s: %s\n", topic,
                                rd_kafka_err2str(err));
                        return 1;
                }
        }
        rd_kafka_event_destroy(ev);
        rd_kafka_AdminOptions_destroy(opts);
        rd_kafka_NewTopic_destroy(nt);
        rd_kafka_queue_destroy(q);
        int ok = 0;
        for (int attempt = 0; attempt < 100 && !ok; attempt++) {
                ok = topic_ready(rk, topic, partitions);
                if (!ok)
                        usleep(100000);
        }
        rd_kafka_destroy(rk);
        if (!ok) {
                fprintf(stderr, "benchtool: %s never showed %d partitions with leaders\n", topic,
                        partitions);
                return 1;
        }
        return 0;
}

/* ---------------------------------------------------------------- e2e ----------------- */

struct e2e {
        rd_kafka_t *consumer;
        rd_kafka_queue_t *queue;
        int64_t *lat_ns; /* per message index; -1 until received */
        int64_t total;
        volatile int64_t received;
        volatile int64_t deadline_ns; /* 0 while the producer is still sending */
        volatile int64_t errors;
        volatile int64_t run; /* t0 of this run, carried in every payload */
};

static void *consume_loop(void *arg) {
        struct e2e *e = arg;
        for (;;) {
                if (e->received >= e->total)
                        break;
                if (e->deadline_ns && now_ns(CLOCK_MONOTONIC) > e->deadline_ns)
                        break;
                /* One message at a time: the batch call waits for a full batch. */
                rd_kafka_message_t *m = rd_kafka_consume_queue(e->queue, 100);
                if (!m)
                        continue;
                int64_t now = now_ns(CLOCK_MONOTONIC);
                if (m->err) {
                        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                                e->errors++;
                } else if (m->len >= 24) {
                        int64_t intended, idx, run;
                        memcpy(&intended, m->payload, 8);
                        memcpy(&idx, (char *)m->payload + 8, 8);
                        memcpy(&run, (char *)m->payload + 16, 8);
                        if (run == e->run && idx >= 0 && idx < e->total && e->lat_ns[idx] < 0) {
                                e->lat_ns[idx] = now - intended;
                                e->received++;
                        }
                }
                rd_kafka_message_destroy(m);
        }
        return NULL;
}

static volatile int64_t dr_errors;
static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk;
        (void)opaque;
        if (m->err)
                dr_errors++;
}

static int cmp_i64(const void *a, const void *b) {
        int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
        return x < y ? -1 : x > y;
}

static double pct(const int64_t *sorted, int64_t n, double q) {
        if (n == 0)
                return -1;
        int64_t i = (int64_t)(q * (double)n);
        if (i >= n)
                i = n - 1;
        return sorted[i] == INT64_MAX ? 1e9 : (double)sorted[i] / 1e6;
}

static int cmd_e2e(int argc, char **argv) {
        if (argc < 6)
                die("usage: e2e BROKERS TOPIC RATE SECONDS SIZE WARMUP_S [prop=value ...]");
        const char *brokers = argv[0], *topic = argv[1];
        double rate   = atof(argv[2]);
        double secs   = atof(argv[3]);
        size_t size   = (size_t)atoi(argv[4]);
        double warmup = atof(argv[5]);
        if (size < 24)
                size = 24;
        prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);

        struct e2e e = {0};
        e.total  = (int64_t)(rate * secs);
        e.lat_ns = malloc(sizeof(int64_t) * (size_t)e.total);
        for (int64_t i = 0; i < e.total; i++)
                e.lat_ns[i] = -1;

        /* Consumer: simple (assign) consumer from the current high watermarks. */
        e.consumer = new_client(RD_KAFKA_CONSUMER, brokers, 0, NULL);
        rd_kafka_topic_t *crkt = rd_kafka_topic_new(e.consumer, topic, NULL);
        const struct rd_kafka_metadata *md;
        if (rd_kafka_metadata(e.consumer, 0, crkt, &md, 10000) || md->topic_cnt != 1 ||
            md->topics[0].err)
                die("e2e: no metadata for the topic");
        int parts = md->topics[0].partition_cnt;
        rd_kafka_metadata_destroy(md);
        e.queue = rd_kafka_queue_new(e.consumer);
        for (int p = 0; p < parts; p++) {
                int64_t lo, hi;
                if (rd_kafka_query_watermark_offsets(e.consumer, topic, p, &lo, &hi, 10000))
                        die("e2e: cannot read the high watermark");
                if (rd_kafka_consume_start_queue(crkt, p, hi, e.queue))
                        die("e2e: consume_start_queue failed");
        }

        /* Producer: client defaults, plus what the caller passed. */
        rd_kafka_conf_t *pconf = rd_kafka_conf_new();
        char errstr[512];
        rd_kafka_conf_set(pconf, "bootstrap.servers", brokers, errstr, sizeof(errstr));
        for (int i = 6; i < argc; i++) {
                char *eq = strchr(argv[i], '=');
                if (!eq)
                        die("properties are prop=value");
                *eq = 0;
                if (rd_kafka_conf_set(pconf, argv[i], eq + 1, errstr, sizeof(errstr)))
                        die(errstr);
                *eq = '=';
        }
        rd_kafka_conf_set_dr_msg_cb(pconf, dr_cb);
        rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, pconf, errstr, sizeof(errstr));
        if (!producer)
                die(errstr);
        rd_kafka_topic_t *prkt = rd_kafka_topic_new(producer, topic, NULL);
        /* Connect and learn the partitions before the clock starts. */
        if (rd_kafka_metadata(producer, 0, prkt, &md, 10000))
                die("e2e: producer has no metadata");
        rd_kafka_metadata_destroy(md);

        pthread_t thr;
        pthread_create(&thr, NULL, consume_loop, &e);
        usleep(200000); /* let the consumer's first fetches go out */

        char *payload = calloc(1, size);
        int64_t period = (int64_t)(1e9 / rate);
        int64_t t0     = now_ns(CLOCK_MONOTONIC) + 10000000LL;
        int64_t late   = 0;
        e.run          = t0;
        memcpy(payload + 16, &t0, 8);
        for (int64_t i = 0; i < e.total; i++) {
                int64_t intended = t0 + i * period;
                struct timespec ts = {.tv_sec = intended / 1000000000LL,
                                      .tv_nsec = intended % 1000000000LL};
                if (now_ns(CLOCK_MONOTONIC) < intended)
                        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
                                ;
                else
                        late++;
                memcpy(payload, &intended, 8);
                memcpy(payload + 8, &i, 8);
                while (rd_kafka_produce(prkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, payload,
                                        size, NULL, 0, NULL) == -1) {
                        if (rd_kafka_last_error() != RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                die(rd_kafka_err2str(rd_kafka_last_error()));
                        rd_kafka_poll(producer, 1);
                }
                rd_kafka_poll(producer, 0);
        }
        double send_secs = (double)(now_ns(CLOCK_MONOTONIC) - t0) / 1e9;
        rd_kafka_flush(producer, 10000);
        e.deadline_ns = now_ns(CLOCK_MONOTONIC) + 10000000000LL;
        pthread_join(thr, NULL);

        int64_t skip = (int64_t)(warmup * rate);
        if (skip >= e.total)
                skip = 0;
        int64_t n = e.total - skip, lost = 0;
        int64_t *sorted = malloc(sizeof(int64_t) * (size_t)n);
        for (int64_t i = 0; i < n; i++) {
                int64_t v = e.lat_ns[skip + i];
                if (v < 0) {
                        lost++;
                        v = INT64_MAX;
                }
                sorted[i] = v;
        }
        qsort(sorted, (size_t)n, sizeof(int64_t), cmp_i64);
        printf("e2e sent=%" PRId64 " counted=%" PRId64 " lost=%" PRId64 " late_sends=%" PRId64
               " send_rate=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f"
               " produce_errors=%" PRId64 " consume_errors=%" PRId64 "\n",
               e.total, n, lost, late, (double)e.total / send_secs, pct(sorted, n, 0.50),
               pct(sorted, n, 0.99), pct(sorted, n, 0.999), pct(sorted, n, 1.0), dr_errors,
               e.errors);

        for (int p = 0; p < parts; p++)
                rd_kafka_consume_stop(crkt, p);
        rd_kafka_queue_destroy(e.queue);
        rd_kafka_topic_destroy(crkt);
        rd_kafka_topic_destroy(prkt);
        rd_kafka_destroy(producer);
        rd_kafka_destroy(e.consumer);
        return lost ? 2 : 0;
}

int main(int argc, char **argv) {
        if (argc < 2)
                die("usage: benchtool ready|create-topic|e2e ...");
        if (!strcmp(argv[1], "ready"))
                return cmd_ready(argc - 2, argv + 2);
        if (!strcmp(argv[1], "create-topic"))
                return cmd_create_topic(argc - 2, argv + 2);
        if (!strcmp(argv[1], "e2e"))
                return cmd_e2e(argc - 2, argv + 2);
        die("unknown command");
        return 1;
}
