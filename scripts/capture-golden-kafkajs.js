// The golden-capture scenario for kafkajs 2.2.4 (run by scripts/capture-golden through the
// recording proxy at STROM_BOOTSTRAP; NODE_PATH points at interop/node/node_modules).
// Same scenario as capture-golden-clients.py, restricted to what kafkajs does without
// plugins: codecs none and gzip (snappy, lz4 and zstd need codec packages registered in
// kafkajs' CompressionCodecs). kafkajs consumers always join a group, so the fetch step is a
// group consumer (group golden-kafkajs, no offset commits) reading both topics from the start.
'use strict'

const assert = require('node:assert/strict')
const { Kafka, CompressionTypes, logLevel } = require('kafkajs')

const client = 'kafkajs'
const BASE_TIMESTAMP_MS = 1600000000000
const PADDING = 'golden'.repeat(10) // compressible, as in capture-golden-clients.py
const codecs = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP }

function records (codec) {
  const headers = { 'h-codec': codec, 'h-client': client }
  return [
    { key: 'key-0', value: `value-0-${codec}-${PADDING}`, headers, timestamp: String(BASE_TIMESTAMP_MS), partition: 0 },
    { key: 'key-1', value: `value-1-${codec}-${PADDING}`, headers, timestamp: String(BASE_TIMESTAMP_MS + 1), partition: 0 },
    { key: null, value: `value-2-${codec}-${PADDING}`, headers, timestamp: String(BASE_TIMESTAMP_MS + 2), partition: 0 },
  ]
}

const kafka = new Kafka({
  clientId: `golden-${client}`,
  brokers: [process.env.STROM_BOOTSTRAP],
  logLevel: logLevel.ERROR,
  retry: { retries: 2 },
})

async function main () {
  const admin = kafka.admin()
  await admin.connect()
  await admin.listTopics()
  const topics = Object.keys(codecs).map((codec) => ({ topic: `golden-${client}-${codec}`, numPartitions: 1, replicationFactor: 1 }))
  assert.equal(await admin.createTopics({ topics, waitForLeaders: false }), true)
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: false })
  await producer.connect()
  for (const [codec, compression] of Object.entries(codecs)) {
    const result = await producer.send({ topic: `golden-${client}-${codec}`, acks: -1, compression, messages: records(codec) })
    assert.equal(result[0].baseOffset, '0')
  }
  await producer.disconnect()
  for (const codec of Object.keys(codecs)) {
    const topic = `golden-${client}-${codec}`
    const offsets = await admin.fetchTopicOffsets(topic)
    assert.deepEqual(offsets.map(({ partition, low, high }) => [partition, low, high]), [[0, '0', '3']])
    const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, BASE_TIMESTAMP_MS + 1)
    assert.deepEqual(byTime.map(({ partition, offset }) => [partition, offset]), [[0, '1']])
  }
  await admin.disconnect()
  await consume()
}

// Reads the three records of every topic back through a group consumer, then leaves.
async function consume () {
  const consumer = kafka.consumer({ groupId: `golden-${client}`, maxWaitTimeInMs: 100, retry: { retries: 2 } })
  await consumer.connect()
  for (const codec of Object.keys(codecs)) {
    await consumer.subscribe({ topic: `golden-${client}-${codec}`, fromBeginning: true })
  }
  const got = {}
  let total = 0
  const want = 3 * Object.keys(codecs).length
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`consumed ${total} of ${want} records in 30 s`)), 30000)
    consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, message }) => {
        (got[topic] = got[topic] || []).push([message.key && message.key.toString(), message.value.toString()])
        total += 1
        if (total === want) { clearTimeout(timer); resolve() }
      },
    })
  })
  await done
  await consumer.disconnect()
  for (const codec of Object.keys(codecs)) {
    const topic = `golden-${client}-${codec}`
    assert.deepEqual(got[topic], records(codec).map(({ key, value }) => [key, value]), topic)
  }
}

main().catch((err) => { console.error(err); process.exit(1) })
