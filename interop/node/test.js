// kafkajs 2.2.4 (a pure-JavaScript client speaking older, non-flexible API versions) against
// the broker at STROM_BOOTSTRAP. Plain node + assert; each test asserts exact results.
//
// What kafkajs produces is verified three ways: the offsets in the produce responses, the
// partition offsets from admin.fetchTopicOffsets / fetchTopicOffsetsByTimestamp (ListOffsets),
// and the stored records read back with kcat (librdkafka, manual assignment). kafkajs
// consumers always join a consumer group: the consumer group tests run unless STROM_GROUPS=0
// (for a broker without consumer groups).
//
// Compression: kafkajs has gzip built in and takes the other codecs as plugins. snappy is the
// kafkajs-snappy plugin (pure JavaScript). lz4 and zstd are small adapters below over codec
// libraries that install from npm without a native build: lz4js (pure JavaScript, LZ4 frame
// format, as Kafka uses) and @bokuweb/zstd-wasm (the reference zstd compiled to wasm). The
// packaged plugins were not used: kafkajs-lz4 depends on the native `lz4` module (node-gyp
// at install time), @kafkajs/zstd on a native zstd binding.
'use strict'

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1'
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const { execFileSync } = require('node:child_process')
const { Kafka, CompressionTypes, CompressionCodecs, logLevel } = require('kafkajs')
const lz4js = require('lz4js')
const zstd = require('@bokuweb/zstd-wasm')
CompressionCodecs[CompressionTypes.Snappy] = require('kafkajs-snappy')
// kafkajs calls a codec with the encoder holding the batch's records and with the bytes
// of a compressed batch's records section.
CompressionCodecs[CompressionTypes.LZ4] = () => ({
  compress: async (encoder) => Buffer.from(lz4js.compress(encoder.buffer)),
  decompress: async (buffer) => Buffer.from(lz4js.decompress(buffer)),
})
const ZSTD_LEVEL = 3
// A zstd frame written by a streaming compressor (librdkafka, zstd-jni) need not state its
// decompressed size; zstd-wasm then decompresses into a buffer of a size we choose, so try
// doubling sizes up to 256 MiB (more than any batch in these tests) before giving up.
function zstdDecompress (buffer) {
  for (let capacity = 1 << 20; ; capacity *= 2) {
    try {
      return Buffer.from(zstd.decompress(buffer, { defaultHeapSize: capacity }))
    } catch (err) {
      if (capacity >= 1 << 28) throw err
    }
  }
}
CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  compress: async (encoder) => Buffer.from(zstd.compress(encoder.buffer, ZSTD_LEVEL)),
  decompress: async (buffer) => zstdDecompress(buffer),
})

const bootstrap = process.env.STROM_BOOTSTRAP
if (!bootstrap) {
  console.error('set STROM_BOOTSTRAP=host:port (scripts/interop does this)')
  process.exit(2)
}
const groups = process.env.STROM_GROUPS !== '0'
const kafka = new Kafka({
  clientId: 'strom-interop-node',
  brokers: [bootstrap],
  logLevel: logLevel.ERROR,
  logCreator: () => ({ level, log }) => {
    // The duplicate-create test provokes TOPIC_ALREADY_EXISTS on purpose; print the rest.
    if (log.error === 'Topic creation errors') return
    // A rebalance answers heartbeats REBALANCE_IN_PROGRESS, which kafkajs logs as an error.
    if (String(log.message).startsWith('Response Heartbeat') && String(log.error).includes('rebalancing')) return
    console.error(`kafkajs ${level === logLevel.ERROR ? 'error' : level}: ${JSON.stringify(log)}`)
  },
  retry: { retries: 3 },
})
const BASE_TIMESTAMP_MS = 1600000000000
const run = crypto.randomBytes(6).toString('hex')
const topicName = (prefix) => `${prefix}-${run}`

// Kafka's murmur2 partitioner (what kafkajs's DefaultPartitioner, the Java client and
// kafka-python use), written out so the expected partition of a key is known exactly.
function murmur2 (key) {
  const data = Buffer.from(key)
  const m = 0x5bd1e995
  const r = 24
  let h = (0x9747b28c ^ data.length) | 0
  const len4 = data.length & ~3
  for (let i = 0; i < len4; i += 4) {
    let k = data.readInt32LE(i)
    k = Math.imul(k, m)
    k ^= k >>> r
    k = Math.imul(k, m)
    h = Math.imul(h, m)
    h ^= k
  }
  const rest = data.length % 4
  if (rest === 3) h ^= (data[len4 + 2] & 0xff) << 16
  if (rest >= 2) h ^= (data[len4 + 1] & 0xff) << 8
  if (rest >= 1) {
    h ^= data[len4] & 0xff
    h = Math.imul(h, m)
  }
  h ^= h >>> 13
  h = Math.imul(h, m)
  h ^= h >>> 15
  return h
}
const expectedPartition = (key, partitions) => (murmur2(key) & 0x7fffffff) % partitions

// Reads a partition with kcat from `offset` to the end; returns kcat's JSON envelopes.
function kcatRead (topic, partition, offset) {
  const out = execFileSync('kcat', ['-b', bootstrap, '-C', '-e', '-q', '-J', '-t', topic,
    '-p', String(partition), '-o', String(offset), '-X', 'fetch.message.max.bytes=2000000'],
  { timeout: 30000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })
  return out.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line))
}
// Produces `lines` (KEY:VALUE each) with kcat in one batch compressed with `codec`.
function kcatProduce (topic, codec, lines) {
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0', '-K:', '-z', codec,
    '-H', `codec=${codec}`, '-X', 'linger.ms=100'],
  { timeout: 30000, input: lines.map((l) => `${l}\n`).join('') })
}
const envelope = (m) => ({ offset: m.offset, key: m.key, payload: m.payload, headers: m.headers || [], ts: m.ts })

async function withAdmin (fn) {
  const admin = kafka.admin()
  await admin.connect()
  try { return await fn(admin) } finally { await admin.disconnect() }
}
async function withProducer (fn) {
  const producer = kafka.producer({ allowAutoTopicCreation: false })
  await producer.connect()
  try { return await fn(producer) } finally { await producer.disconnect() }
}
const createTopic = (topic, numPartitions) =>
  withAdmin((admin) => admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true }))
const topicOffsets = (topic) => withAdmin(async (admin) =>
  (await admin.fetchTopicOffsets(topic))
    .map((p) => ({ partition: p.partition, low: p.low, high: p.high }))
    .sort((a, b) => a.partition - b.partition))

const tests = []
const test = (name, fn) => tests.push({ name, fn })

test('admin createTopics, listTopics, fetchTopicMetadata, duplicate create', async () => {
  // createTopics makes a 3-partition topic (true), a second create of it returns false
  // (TOPIC_ALREADY_EXISTS), and metadata lists the three partitions.
  const t = topicName('js-admin')
  assert.equal(await createTopic(t, 3), true)
  assert.equal(await createTopic(t, 3), false)
  await withAdmin(async (admin) => {
    assert.ok((await admin.listTopics()).includes(t), `${t} not listed`)
    const { topics } = await admin.fetchTopicMetadata({ topics: [t] })
    assert.deepEqual(topics.map((x) => [x.name, x.partitions.map((p) => p.partitionId).sort()]), [[t, [0, 1, 2]]])
  })
  assert.deepEqual(await topicOffsets(t), [0, 1, 2].map((partition) => ({ partition, low: '0', high: '0' })))
})

test('keys, headers, timestamps, null keys and tombstones', async () => {
  // Every field kafkajs writes is stored as sent: offsets from the produce response,
  // and key/value/headers/timestamp read back with kcat.
  const t = topicName('js-basic')
  await createTopic(t, 1)
  const ts = BASE_TIMESTAMP_MS
  const result = await withProducer((p) => p.send({
    topic: t,
    acks: -1,
    messages: [
      { key: 'k1', value: 'v1', headers: { h: '1', other: 'x' }, timestamp: String(ts) },
      { key: null, value: 'no-key', timestamp: String(ts + 500) },
      { key: 'gone', value: null, timestamp: String(ts + 1000) },
    ],
  }))
  assert.deepEqual(result.map((r) => [r.topicName, r.partition, r.errorCode, r.baseOffset]), [[t, 0, 0, '0']])
  assert.deepEqual(kcatRead(t, 0, 0).map(envelope), [
    { offset: 0, key: 'k1', payload: 'v1', headers: ['h', '1', 'other', 'x'], ts },
    { offset: 1, key: null, payload: 'no-key', headers: [], ts: ts + 500 },
    { offset: 2, key: 'gone', payload: null, headers: [], ts: ts + 1000 },
  ])
  assert.deepEqual(await topicOffsets(t), [{ partition: 0, low: '0', high: '3' }])
})

const CODECS = [['none', CompressionTypes.None], ['gzip', CompressionTypes.GZIP], ['snappy', CompressionTypes.Snappy],
  ['lz4', CompressionTypes.LZ4], ['zstd', CompressionTypes.ZSTD]]
for (const [name, codec] of CODECS) {
  for (const acks of [0, 1, -1]) {
    test(`codec ${name}, acks ${acks}`, async () => {
      // A batch compressed with `codec` and produced with `acks` is stored whole and in
      // order; acks 1/-1 answer with base offset 0, and the end offset becomes 50.
      const t = topicName(`js-${name}-${acks === -1 ? 'all' : acks}`)
      await createTopic(t, 1)
      const values = Array.from({ length: 50 }, (_, i) => `${name}-${acks}-${i}-`.repeat(20))
      const result = await withProducer((p) => p.send({
        topic: t,
        acks,
        compression: codec,
        messages: values.map((value, i) => ({ key: String(i), value, timestamp: String(BASE_TIMESTAMP_MS + i) })),
      }))
      if (acks !== 0) assert.deepEqual(result.map((r) => [r.partition, r.errorCode, r.baseOffset]), [[0, 0, '0']])
      // acks 0 has no response, so wait for the end offset instead of reading too early.
      for (let i = 0; i < 50 && (await topicOffsets(t))[0].high !== '50'; i++) await new Promise((resolve) => setTimeout(resolve, 100))
      assert.deepEqual(await topicOffsets(t), [{ partition: 0, low: '0', high: '50' }])
      assert.deepEqual(kcatRead(t, 0, 0).map((m) => [m.offset, m.key, m.payload, m.ts]),
        values.map((v, i) => [i, String(i), v, BASE_TIMESTAMP_MS + i]))
    })
  }
}

test('a 1,000,000-byte message', async () => {
  // A 1,000,000-byte value between two small ones gets offset 1 and reads back intact.
  const t = topicName('js-big')
  await createTopic(t, 1)
  const big = crypto.randomBytes(500000).toString('hex')
  const offsets = []
  await withProducer(async (p) => {
    for (const value of ['a', big, 'c']) offsets.push((await p.send({ topic: t, messages: [{ value }] }))[0].baseOffset)
  })
  assert.deepEqual(offsets, ['0', '1', '2'])
  const read = kcatRead(t, 0, 0)
  assert.deepEqual(read.map((m) => [m.offset, m.payload.length]), [[0, 1], [1, 1000000], [2, 1]])
  assert.equal(read[1].payload, big)
})

test('per-partition order over 10k keyed messages', async () => {
  // 10,000 keyed messages to a 3-partition topic land where murmur2 puts each key, and
  // each partition holds them at contiguous offsets in production order.
  const t = topicName('js-order')
  await createTopic(t, 3)
  const messages = Array.from({ length: 10000 }, (_, i) => ({ key: `key-${i % 37}`, value: String(i) }))
  const layout = [[], [], []]
  for (const m of messages) {
    const p = expectedPartition(m.key, 3)
    layout[p].push([layout[p].length, m.key, m.value])
  }
  await withProducer(async (p) => {
    for (let i = 0; i < messages.length; i += 1000) {
      await p.send({ topic: t, acks: -1, messages: messages.slice(i, i + 1000) })
    }
  })
  assert.deepEqual(await topicOffsets(t), layout.map((rows, partition) => ({ partition, low: '0', high: String(rows.length) })))
  for (let partition = 0; partition < 3; partition++) {
    assert.deepEqual(kcatRead(t, partition, 0).map((m) => [m.offset, m.key, m.payload]), layout[partition])
  }
})

test('offsets by timestamp', async () => {
  // fetchTopicOffsetsByTimestamp returns the first offset whose timestamp is >= the asked
  // one, and the end offset for a timestamp after every message.
  const t = topicName('js-times')
  await createTopic(t, 1)
  await withProducer((p) => p.send({
    topic: t,
    messages: Array.from({ length: 20 }, (_, i) => ({ value: `m${i}`, timestamp: String(BASE_TIMESTAMP_MS + 10 * i) })),
  }))
  const found = []
  await withAdmin(async (admin) => {
    for (const ts of [BASE_TIMESTAMP_MS - 1, BASE_TIMESTAMP_MS + 55, BASE_TIMESTAMP_MS + 190, BASE_TIMESTAMP_MS + 191]) {
      found.push((await admin.fetchTopicOffsetsByTimestamp(t, ts)).map((p) => [p.partition, p.offset]))
    }
  })
  assert.deepEqual(found, [[[0, '0']], [[0, '6']], [[0, '19']], [[0, '20']]])
})

// ---- Consumers (need consumer groups on the broker): skipped with STROM_GROUPS=0 ----
// Runs a consumer of a fresh group on `topic` until `count` messages arrived (30 s at most);
// `afterRun` is called once run() has started. Returns [offset, key, value, headers] rows.
async function consumeWithGroup (topic, count, { fromBeginning = true, afterRun = async () => {} } = {}) {
  const consumer = kafka.consumer({ groupId: `js-group-${topic}` })
  await consumer.connect()
  const got = []
  try {
    await consumer.subscribe({ topic, fromBeginning })
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumed ${got.length} of ${count} within 30 s`)), 30000)
      consumer.run({
        eachMessage: async ({ partition, message }) => {
          got.push([partition, message.offset, message.key && message.key.toString(), message.value && message.value.toString(),
            Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.toString()]))])
          if (got.length === count) { clearTimeout(timer); resolve() }
        },
      }).then(() => afterRun(consumer)).catch(reject)
    })
  } finally {
    await consumer.disconnect()
  }
  return got
}

for (const codec of ['gzip', 'snappy', 'lz4', 'zstd']) {
  test(`consumer group reads a ${codec} batch written by kcat`, async () => {
    // 30 keyed messages kcat (librdkafka) compressed with ${codec} come back to a kafkajs
    // consumer with their keys, values and headers, at offsets 0..29 in order.
    const t = topicName(`js-from-kcat-${codec}`)
    await createTopic(t, 1)
    const rows = Array.from({ length: 30 }, (_, i) => [`k${i}`, `${codec}-${i}-`.repeat(10)])
    kcatProduce(t, codec, rows.map(([k, v]) => `${k}:${v}`))
    assert.deepEqual(await topicOffsets(t), [{ partition: 0, low: '0', high: '30' }])
    assert.deepEqual(await consumeWithGroup(t, 30),
      rows.map(([k, v], i) => [0, String(i), k, v, { codec }]))
  })
}

test('consumer group seeks to offset 13 and reads 13..19 in order', async () => {
  // 20 messages are stored; a consumer that starts at the end (fromBeginning false) and
  // seeks to offset 13 as soon as it runs receives exactly offsets 13..19, in order.
  const t = topicName('js-seek')
  await createTopic(t, 1)
  await withProducer((p) => p.send({
    topic: t,
    messages: Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
  }))
  const got = await consumeWithGroup(t, 7, {
    fromBeginning: false,
    afterRun: async (consumer) => consumer.seek({ topic: t, partition: 0, offset: '13' }),
  })
  assert.deepEqual(got, Array.from({ length: 7 }, (_, j) => [0, String(13 + j), `k${13 + j}`, `v${13 + j}`, {}]))
})

test('consumer group reads back keys, values, headers, timestamps', async () => {
  // A kafkajs consumer in a fresh group, from the beginning, sees exactly what was produced.
  const t = topicName('js-consumer')
  await createTopic(t, 1)
  const sent = Array.from({ length: 10 }, (_, i) => ({
    key: `k${i}`, value: i === 9 ? null : `v${i}`, headers: { i: String(i) }, timestamp: String(BASE_TIMESTAMP_MS + i),
  }))
  await withProducer((p) => p.send({ topic: t, compression: CompressionTypes.GZIP, messages: sent }))
  const consumer = kafka.consumer({ groupId: `js-group-${run}` })
  await consumer.connect()
  const got = []
  try {
    await consumer.subscribe({ topic: t, fromBeginning: true })
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumed ${got.length} of 10 within 30 s`)), 30000)
      consumer.run({
        eachMessage: async ({ message }) => {
          got.push([message.offset, message.key.toString(), message.value && message.value.toString(),
            message.headers.i.toString(), message.timestamp])
          if (got.length === 10) { clearTimeout(timer); resolve() }
        },
      }).catch(reject)
    })
  } finally {
    await consumer.disconnect()
  }
  assert.deepEqual(got, sent.map((m, i) => [String(i), m.key, m.value, String(i), m.timestamp]))
})

test('consumer group of 3 shares 6 partitions, each message consumed once', async () => {
  // Three consumers of one group end up with disjoint assignments of 2 partitions covering
  // all 6; 60 messages (10 per partition) are consumed exactly once in total, each by the
  // consumer owning its partition.
  const t = topicName('js-group3')
  await createTopic(t, 6)
  const groupId = `js-group3-${run}`
  const owned = [null, null, null]
  const got = [[], [], []]
  const consumers = [0, 1, 2].map((i) => {
    const c = kafka.consumer({ groupId, heartbeatInterval: 500, sessionTimeout: 10000 })
    c.on(c.events.GROUP_JOIN, (e) => { owned[i] = (e.payload.memberAssignment[t] || []).slice().sort() })
    return c
  })
  const waitFor = (cond, what) => new Promise((resolve, reject) => {
    const started = Date.now()
    const timer = setInterval(() => {
      if (cond()) { clearInterval(timer); resolve() } else if (Date.now() - started > 60000) {
        clearInterval(timer); reject(new Error(`${what} not reached in 60 s: ${JSON.stringify({ owned, got: got.map((g) => g.length) })}`))
      }
    }, 50)
  })
  try {
    for (const [i, c] of consumers.entries()) {
      await c.connect()
      await c.subscribe({ topic: t, fromBeginning: true })
      await c.run({ eachMessage: async ({ partition, message }) => { got[i].push([partition, message.value.toString()]) } })
    }
    const balanced = () => owned.every((o) => o && o.length === 2) &&
      owned.flat().sort().join() === '0,1,2,3,4,5'
    await waitFor(balanced, 'balanced assignment')
    const messages = []
    for (let p = 0; p < 6; p++) for (let i = 0; i < 10; i++) messages.push({ partition: p, value: `${p}-${i}` })
    await withProducer((producer) => producer.send({ topic: t, messages }))
    await waitFor(() => got.flat().length >= 60, '60 messages')
    assert.ok(balanced(), `rebalanced while consuming: ${JSON.stringify(owned)}`)
    assert.deepEqual(got.flat().map(([, v]) => v).sort(), messages.map((m) => m.value).sort())
    for (let i = 0; i < 3; i++) {
      assert.deepEqual([...new Set(got[i].map(([p]) => p))].sort(), owned[i], `consumer ${i} read outside its partitions`)
    }
  } finally {
    for (const c of consumers) await c.disconnect()
  }
})

async function main () {
  await zstd.init()
  let passed = 0
  let failed = 0
  let skipped = 0
  for (const { name, fn } of tests) {
    if (name.startsWith('consumer group') && !groups) {
      console.log(`skip  ${name} (STROM_GROUPS=0)`)
      skipped++
      continue
    }
    const started = Date.now()
    try {
      await fn()
      console.log(`ok    ${name} (${Date.now() - started} ms)`)
      passed++
    } catch (err) {
      console.log(`FAIL  ${name}\n${err && err.stack ? err.stack : err}`)
      failed++
    }
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(failed === 0 && passed > 0 ? 0 : 1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
