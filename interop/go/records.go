// Records: keys, values, headers, timestamps, a null key, an empty key and a tombstone
// written with a SyncProducer, read back with a partition consumer from exact offsets, and
// looked up with ListOffsets (earliest, latest, by timestamp).
package main

import (
	"bytes"
	"fmt"
	"time"

	"github.com/Shopify/sarama"
)

// baseTimestampMs is a fixed CreateTime in the past (2023-11-14T22:13:20Z), so lookups by
// timestamp have exact answers.
const baseTimestampMs = int64(1700000000000)

func millis(ms int64) time.Time {
	return time.Unix(ms/1000, (ms%1000)*int64(time.Millisecond))
}

func toMillis(t time.Time) int64 {
	if t.IsZero() {
		return -1
	}
	return t.UnixNano() / int64(time.Millisecond)
}

// expected is one record as it should come back.
type expected struct {
	offset    int64
	key       []byte // nil: a null key
	value     []byte // nil: a null value (tombstone)
	headers   []sarama.RecordHeader
	timestamp int64 // ms; -1: not checked
}

// byteEncoder keeps nil as nil (sarama.ByteEncoder(nil) would encode as an empty value).
func byteEncoder(b []byte) sarama.Encoder {
	if b == nil {
		return nil
	}
	return sarama.ByteEncoder(b)
}

func newSyncProducer(configure func(*sarama.Config)) (sarama.SyncProducer, error) {
	config := baseConfig()
	config.Producer.Return.Successes = true
	config.Producer.Return.Errors = true
	config.Producer.Partitioner = sarama.NewManualPartitioner
	config.Producer.Retry.Max = 3
	configure(config)
	return sarama.NewSyncProducer(bootstrap, config)
}

func testRecords() {
	admin, err := sarama.NewClusterAdmin(bootstrap, baseConfig())
	must("records: admin connect", err)
	topic := topicName("records")
	createTopic(admin, topic, 1)
	admin.Close()

	producer, err := newSyncProducer(func(c *sarama.Config) { c.Producer.RequiredAcks = sarama.WaitForAll })
	must("records: producer", err)
	records := []expected{
		{0, []byte("k0"), []byte("v0"), []sarama.RecordHeader{{Key: []byte("h1"), Value: []byte("a")}, {Key: []byte("h2"), Value: []byte{}}}, baseTimestampMs},
		{1, nil, []byte("value with a null key"), nil, baseTimestampMs + 1000},
		{2, []byte("deleted"), nil, nil, baseTimestampMs + 2000},
		{3, []byte{}, []byte{}, nil, baseTimestampMs + 3000},
		{4, []byte("k4"), bytes.Repeat([]byte("x"), 100000), []sarama.RecordHeader{{Key: []byte("h"), Value: []byte{0, 1, 2, 255}}}, baseTimestampMs + 4000},
	}
	messages := []*sarama.ProducerMessage{}
	for _, r := range records {
		messages = append(messages, &sarama.ProducerMessage{Topic: topic, Partition: 0, Key: byteEncoder(r.key),
			Value: byteEncoder(r.value), Headers: r.headers, Timestamp: millis(r.timestamp)})
	}
	err = producer.SendMessages(messages)
	if check("records: SendMessages of 5 (acks=all)", err == nil, "%v", err) {
		offsets := []int64{}
		for _, m := range messages {
			offsets = append(offsets, m.Offset)
		}
		check("records: offsets 0..4 returned", fmt.Sprint(offsets) == "[0 1 2 3 4]", "got %v", offsets)
	}
	// A message without a timestamp: sarama stamps it with time.Now() when batching it.
	before := time.Now().Add(-time.Second)
	last := &sarama.ProducerMessage{Topic: topic, Partition: 0, Key: sarama.StringEncoder("k5"), Value: sarama.StringEncoder("v5")}
	partition, offset, err := producer.SendMessage(last)
	after := time.Now().Add(time.Second)
	check("records: SendMessage -> partition 0 offset 5", err == nil && partition == 0 && offset == 5,
		"partition %d offset %d err %v", partition, offset, err)
	producer.Close()
	records = append(records, expected{5, []byte("k5"), []byte("v5"), nil, -1})

	got := consumeRange(topic, 0, sarama.OffsetOldest, 6)
	compareRecords("records: read from the oldest offset", got, records)
	if len(got) == 6 {
		ts := toMillis(got[5].Timestamp)
		check("records: the producer's own timestamp is kept", ts >= toMillis(before) && ts <= toMillis(after),
			"timestamp %d not within [%d, %d]", ts, toMillis(before), toMillis(after))
		// sarama never sets a batch's max_timestamp (it writes -1); Kafka's log validator
		// rewrites it to the largest record timestamp. sarama 1.22 does not expose a v2
		// batch's max_timestamp to consumers (BlockTimestamp is only set for old message
		// sets), so the lookups by timestamp below are what check it: they depend on it.
	}
	compareRecords("records: read from exact offset 3", consumeRange(topic, 0, 3, 3), records[3:])
	compareRecords("records: read from exact offset 5", consumeRange(topic, 0, 5, 1), records[5:])

	client, err := sarama.NewClient(bootstrap, baseConfig())
	must("records: client", err)
	defer client.Close()
	lookups := []struct {
		name string
		time int64
		want int64
	}{
		{"earliest", sarama.OffsetOldest, 0},
		{"latest", sarama.OffsetNewest, 6},
		{"timestamp of offset 0", baseTimestampMs, 0},
		{"timestamp between offsets 2 and 3", baseTimestampMs + 2500, 3},
		{"timestamp of offset 4", baseTimestampMs + 4000, 4},
		{"timestamp after offset 4 (offset 5 has a current timestamp)", baseTimestampMs + 4001, 5},
		{"timestamp after everything", time.Now().Add(time.Hour).UnixNano() / int64(time.Millisecond), -1},
	}
	for _, l := range lookups {
		offset, err := client.GetOffset(topic, 0, l.time)
		check("records: ListOffsets v1 "+l.name, err == nil && offset == l.want, "got %d (err %v), want %d", offset, err, l.want)
	}
}

// consumeRange reads count messages of one partition from offset with a partition
// consumer (Fetch v4), waiting at most 30 s in total.
func consumeRange(topic string, partition int32, offset int64, count int) []*sarama.ConsumerMessage {
	config := baseConfig()
	config.Consumer.Return.Errors = true
	consumer, err := sarama.NewConsumer(bootstrap, config)
	if !check(fmt.Sprintf("consume %s/%d: connect", topic, partition), err == nil, "%v", err) {
		return nil
	}
	defer consumer.Close()
	pc, err := consumer.ConsumePartition(topic, partition, offset)
	if !check(fmt.Sprintf("consume %s/%d from %d", topic, partition, offset), err == nil, "%v", err) {
		return nil
	}
	defer pc.Close()
	got := []*sarama.ConsumerMessage{}
	deadline := time.After(30 * time.Second)
	for len(got) < count {
		select {
		case m := <-pc.Messages():
			got = append(got, m)
		case e := <-pc.Errors():
			check(fmt.Sprintf("consume %s/%d", topic, partition), false, "%v", e)
			return got
		case <-deadline:
			check(fmt.Sprintf("consume %s/%d: %d messages within 30 s", topic, partition, count), false, "got %d", len(got))
			return got
		}
	}
	return got
}

// compareRecords checks offsets, keys (null vs empty), values (null vs empty), headers and
// timestamps, one FAIL line per differing record at most.
func compareRecords(name string, got []*sarama.ConsumerMessage, want []expected) {
	if len(got) != len(want) {
		check(name, false, "got %d records, want %d", len(got), len(want))
		return
	}
	for i, w := range want {
		g := got[i]
		problem := ""
		switch {
		case g.Offset != w.offset:
			problem = fmt.Sprintf("offset %d, want %d", g.Offset, w.offset)
		case (g.Key == nil) != (w.key == nil) || !bytes.Equal(g.Key, w.key):
			problem = fmt.Sprintf("key %q (nil %v), want %q (nil %v)", g.Key, g.Key == nil, w.key, w.key == nil)
		case (g.Value == nil) != (w.value == nil) || !bytes.Equal(g.Value, w.value):
			problem = fmt.Sprintf("value of %d bytes (nil %v), want %d bytes (nil %v)", len(g.Value), g.Value == nil, len(w.value), w.value == nil)
		case !headersEqual(g.Headers, w.headers):
			problem = fmt.Sprintf("headers %v, want %v", g.Headers, w.headers)
		case w.timestamp >= 0 && toMillis(g.Timestamp) != w.timestamp:
			problem = fmt.Sprintf("timestamp %d, want %d", toMillis(g.Timestamp), w.timestamp)
		}
		if problem != "" {
			check(name, false, "record %d: %s", i, problem)
			return
		}
	}
	check(name, true, "")
}

func headersEqual(got []*sarama.RecordHeader, want []sarama.RecordHeader) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		if !bytes.Equal(got[i].Key, want[i].Key) || !bytes.Equal(got[i].Value, want[i].Value) {
			return false
		}
	}
	return true
}
