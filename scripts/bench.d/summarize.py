"""Medians per broker, strom/peer ratios and the targets of issue 8, from scripts/bench's
raw.tsv (lines: broker, session, figure, value). Prints a Markdown table."""

import statistics
import sys
from collections import defaultdict

# figure, label, unit, better ("hi" or "lo"), target (kind, value) or None
# kind "ratio": strom/peer (for "lo" figures peer/strom) must be >= value;
# kind "max": strom's median must be <= value.
FIGURES = [
    ("produce_1k_acks1_mb_per_s", "produce 1 KiB acks=1", "MB/s", "hi", ("ratio", 3.0)),
    ("produce_1k_acksall_mb_per_s", "produce 1 KiB acks=all", "MB/s", "hi", ("ratio", 2.0)),
    ("produce_100b_msgs_per_s", "produce 100 B acks=1", "msg/s", "hi", ("ratio", 1.5)),
    ("produce_100b_mb_per_s", "produce 100 B acks=1", "MB/s", "hi", None),
    ("consume_1k_mb_per_s", "consume 1 KiB from the start", "MB/s", "hi", ("ratio", 3.0)),
    ("e2e_p50_ms", "e2e latency p50 at 10k msg/s", "ms", "lo", None),
    ("e2e_p99_ms", "e2e latency p99 at 10k msg/s", "ms", "lo", ("max", 5.0)),
    ("e2e_p999_ms", "e2e latency p99.9 at 10k msg/s", "ms", "lo", None),
    ("e2e_lost", "e2e messages lost", "", "lo", None),
    ("e2e_extra_p50_ms", "e2e p50, second run (BENCH_E2E_EXTRA, default linger.ms=0)", "ms", "lo", None),
    ("e2e_extra_p99_ms", "e2e p99, second run", "ms", "lo", None),
    ("e2e_extra_p999_ms", "e2e p99.9, second run", "ms", "lo", None),
    ("produce_1k_acks1_cpu_s_per_gb", "broker CPU, produce 1 KiB acks=1", "CPU-s/GB", "lo", ("max", 0.7)),
    ("produce_1k_acksall_cpu_s_per_gb", "broker CPU, produce 1 KiB acks=all", "CPU-s/GB", "lo", None),
    ("produce_100b_cpu_s_per_gb", "broker CPU, produce 100 B", "CPU-s/GB", "lo", None),
    ("consume_1k_cpu_s_per_gb", "broker CPU, consume 1 KiB", "CPU-s/GB", "lo", None),
    ("produce_1k_acks1_client_cpu_s_per_gb", "client CPU, produce 1 KiB acks=1", "CPU-s/GB", "lo", None),
    ("produce_100b_client_cpu_s_per_gb", "client CPU, produce 100 B", "CPU-s/GB", "lo", None),
    ("consume_1k_client_cpu_s_per_gb", "client CPU, consume 1 KiB", "CPU-s/GB", "lo", None),
    ("produce_1k_acks1_ceiling_mb_per_s", "client ceiling, produce 1 KiB acks=1 (cores / client CPU-s per GB)", "MB/s", "hi", None),
    ("produce_100b_ceiling_mb_per_s", "client ceiling, produce 100 B", "MB/s", "hi", None),
    ("consume_1k_ceiling_mb_per_s", "client ceiling, consume 1 KiB", "MB/s", "hi", None),
    ("idle_rss_mib", "idle RSS", "MiB", "lo", ("max", 20.0)),
    ("stored_gib", "data stored when RSS was read", "GiB", "hi", None),
    ("stored_VmRSS_mib", "RSS after 3 GiB stored", "MiB", "lo", ("max", 200.0)),
    ("stored_VmHWM_mib", "peak RSS (VmHWM) after 3 GiB stored", "MiB", "lo", None),
    ("stored_RssAnon_mib", "anonymous RSS after 3 GiB stored", "MiB", "lo", None),
    ("stored_RssFile_mib", "file-backed RSS after 3 GiB stored", "MiB", "lo", None),
    ("start_to_serving_ms", "start to serving", "ms", "lo", None),
]

# Throughput figures whose ceiling (cores / client CPU-s per GB) is reported against the peer.
CEILINGS = [
    ("produce_1k_acks1", "produce 1 KiB acks=1", 3.0),
    ("produce_100b", "produce 100 B", 1.5),
    ("consume_1k", "consume 1 KiB", 3.0),
]


def fmt(v):
    if v is None:
        return "n/a"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"


def main(path):
    values = defaultdict(lambda: defaultdict(list))
    sessions = defaultdict(set)
    failures = []
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            broker, session, key, value = parts
            sessions[broker].add(session)
            if key.endswith("_failed") or key in ("crashed", "start_failed"):
                failures.append(f"{broker} session {session}: {key}")
                continue
            values[key][broker].append(float(value))

    print(f"sessions: strom {len(sessions['strom'])}, peer {len(sessions['peer'])} "
          "(figures are medians over sessions)\n")
    print("| figure | unit | strom | peer | strom/peer | target | met |")
    print("|---|---|---|---|---|---|---|")
    for key, label, unit, better, target in FIGURES:
        s = values[key].get("strom")
        p = values[key].get("peer")
        sm = statistics.median(s) if s else None
        pm = statistics.median(p) if p else None
        ratio = sm / pm if sm is not None and pm else None
        tgt, met = "", ""
        if target:
            kind, bound = target
            if kind == "ratio":
                tgt = f"strom/peer >= {bound:g}" if better == "hi" else f"peer/strom >= {bound:g}"
                if ratio is not None:
                    got = ratio if better == "hi" else (1 / ratio if ratio else None)
                    met = "yes" if got is not None and got >= bound else "NO"
            else:
                tgt = f"<= {bound:g} {unit}"
                if sm is not None:
                    met = "yes" if sm <= bound else "NO"
        spread = ""
        if s and len(s) > 1:
            spread = f" ({fmt(min(s))}-{fmt(max(s))})"
        pspread = ""
        if p and len(p) > 1:
            pspread = f" ({fmt(min(p))}-{fmt(max(p))})"
        print(f"| {label} | {unit} | {fmt(sm)}{spread} | {fmt(pm)}{pspread} | "
              f"{fmt(ratio) if ratio is not None else 'n/a'} | {tgt} | {met} |")
    # What the client alone allows: a broker costing no CPU, sharing these cores with this
    # client, reaches at most the client ceiling (measured in strom's sessions); divided by
    # the peer's throughput, that is the highest strom/peer ratio any broker could show.
    # With strom's own CPU per GB added, cores / (client + strom CPU-s per GB) is what strom
    # and this client together can reach when neither ever waits for the other.
    bounds = []
    for name, label, target in CEILINGS:
        ceiling = values[f"{name}_ceiling_mb_per_s"].get("strom")
        client = values[f"{name}_client_cpu_s_per_gb"].get("strom")
        broker = values[f"{name}_cpu_s_per_gb"].get("strom")
        got = values[f"{name}_mb_per_s"].get("strom")
        peer = values[f"{name}_mb_per_s"].get("peer")
        if ceiling and peer and client and broker and got:
            c, cl, br = (statistics.median(v) for v in (ceiling, client, broker))
            cores = c * cl / 1000
            system = cores / (cl + br) * 1000
            pm = statistics.median(peer)
            bounds.append(
                f"- {label}: client alone {c / pm:.2f}x the peer; client + strom's own CPU "
                f"{system:.0f} MB/s = {system / pm:.2f}x (strom reached "
                f"{statistics.median(got) / system:.0%} of that; target {target:g}x)")
    if bounds:
        print("\nhighest strom/peer ratio the CPU leaves room for (ceilings / the peer's median):")
        for line in bounds:
            print(line)
    if failures:
        print("\nfailures:")
        for f in failures:
            print(f"- {f}")


if __name__ == "__main__":
    main(sys.argv[1])
