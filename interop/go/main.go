// Interop test: sarama 1.22.1 (Debian's golang-github-shopify-sarama-dev, the Go client)
// against a Kafka-compatible broker at STROM_BOOTSTRAP. Every check prints one "ok" or
// "FAIL" line; the exit status is 1 if any check failed.
//
// config.Version is V2_1_0_0: sarama 1.22.1 then speaks record batches (magic 2) with
// Produce v3, Fetch v4, ListOffsets v1, Metadata v5 (v0 in DescribeCluster), CreateTopics
// v2, DeleteTopics v1, FindCoordinator v0, JoinGroup v1, SyncGroup, Heartbeat, LeaveGroup,
// DescribeGroups and ListGroups v0, OffsetFetch v1, InitProducerId v0, and OffsetCommit v2
// only when Consumer.Offsets.Retention is set (v1 otherwise, which Kafka 4.0 no longer
// serves: the broker closes the connection; see groupConfig).
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/Shopify/sarama"
)

// failures counts FAIL lines (main exits 1 when it is not zero), passes the ok lines.
var failures, passes int

func check(name string, ok bool, detail string, args ...interface{}) bool {
	if ok {
		passes++
		fmt.Printf("ok   %s\n", name)
	} else {
		failures++
		fmt.Printf("FAIL %s: %s\n", name, fmt.Sprintf(detail, args...))
	}
	return ok
}

// must stops the run: a failed setup step leaves nothing meaningful to check after it.
func must(name string, err error) {
	if err != nil {
		failures++
		fmt.Printf("FAIL %s: %v\n", name, err)
		fmt.Printf("sarama interop: stopped after a setup failure (%d failed)\n", failures)
		os.Exit(1)
	}
}

// bootstrap is the broker address list from STROM_BOOTSTRAP.
var bootstrap []string

// runID makes topic and group names unique to this run.
var runID = fmt.Sprintf("%d", time.Now().UnixNano()/int64(time.Millisecond))

func baseConfig() *sarama.Config {
	config := sarama.NewConfig()
	config.Version = sarama.V2_1_0_0
	config.ClientID = "strom-interop-sarama"
	config.Metadata.Retry.Max = 10
	config.Metadata.Retry.Backoff = 200 * time.Millisecond
	config.Net.DialTimeout = 10 * time.Second
	config.Net.ReadTimeout = 30 * time.Second
	config.Net.WriteTimeout = 10 * time.Second
	return config
}

func main() {
	address := os.Getenv("STROM_BOOTSTRAP")
	if address == "" {
		fmt.Fprintln(os.Stderr, "set STROM_BOOTSTRAP=host:port")
		os.Exit(2)
	}
	bootstrap = strings.Split(address, ",")
	if os.Getenv("STROM_GO_DEBUG") == "1" {
		sarama.Logger = newStderrLogger()
	}
	fmt.Printf("sarama interop against %s (config.Version %s, run %s)\n", address, sarama.V2_1_0_0, runID)

	started := time.Now()
	testAdmin()
	testRecords()
	testCodecsAndAcks()
	testIdempotentProducer()
	testConsumerGroup()

	fmt.Printf("sarama interop: %d passed, %d failed (%.1f s)\n", passes, failures, time.Since(started).Seconds())
	if failures > 0 {
		os.Exit(1)
	}
}

// topicName is a topic unique to this run.
func topicName(what string) string {
	return "sarama-" + what + "-" + runID
}

// createTopic creates a topic with CreateTopics v2 through sarama's ClusterAdmin and
// checks with Metadata v5 that it has the partitions asked for.
func createTopic(admin sarama.ClusterAdmin, topic string, partitions int32) {
	err := admin.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: partitions, ReplicationFactor: 1}, false)
	must("create topic "+topic, err)
}

func testAdmin() {
	admin, err := sarama.NewClusterAdmin(bootstrap, baseConfig())
	must("admin: connect", err)
	defer admin.Close()

	// DescribeCluster asks with Metadata v0, which has no controller id field (sarama
	// reports -1); the client's Metadata v5 carries it.
	brokers, _, err := admin.DescribeCluster()
	if check("admin: DescribeCluster lists one broker", err == nil && len(brokers) == 1, "%v, %d brokers", err, len(brokers)) {
		client, err := sarama.NewClient(bootstrap, baseConfig())
		must("admin: client", err)
		controller, err := client.Controller()
		check("admin: Metadata v5 names that broker as the controller", err == nil && controller.ID() == brokers[0].ID(),
			"%v, controller %v, broker %d", err, controller, brokers[0].ID())
		client.Close()
	}

	topic := topicName("admin")
	createTopic(admin, topic, 3)
	metadata, err := admin.DescribeTopics([]string{topic})
	if check("admin: DescribeTopics", err == nil && len(metadata) == 1, "%v, %d topics", err, len(metadata)) {
		m := metadata[0]
		ids := []int32{}
		for _, p := range m.Partitions {
			ids = append(ids, p.ID)
		}
		check("admin: created topic has partitions 0, 1, 2 with a leader", m.Err == sarama.ErrNoError &&
			len(m.Partitions) == 3 && sortedEqual(ids, []int32{0, 1, 2}) && m.Partitions[0].Leader >= 0,
			"err %v, partitions %v", m.Err, ids)
	}

	err = admin.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 1}, false)
	check("admin: creating it again answers TOPIC_ALREADY_EXISTS (36)", isKError(err, sarama.ErrTopicAlreadyExists),
		"got %v", err)

	err = admin.CreateTopic(topicName("validate"), &sarama.TopicDetail{NumPartitions: 2, ReplicationFactor: 1}, true)
	check("admin: validate-only CreateTopics succeeds", err == nil, "%v", err)
	metadata, err = admin.DescribeTopics([]string{topicName("validate")})
	check("admin: validate-only created nothing (UNKNOWN_TOPIC_OR_PARTITION)",
		err == nil && len(metadata) == 1 && metadata[0].Err == sarama.ErrUnknownTopicOrPartition,
		"%v, %+v", err, metadata)

	err = admin.DeleteTopic(topic)
	check("admin: DeleteTopic", err == nil, "%v", err)
}

// isKError says whether err is (or wraps, as sarama's admin does for topic errors) the
// broker error code want.
func isKError(err error, want sarama.KError) bool {
	if err == nil {
		return false
	}
	if kerr, ok := err.(sarama.KError); ok {
		return kerr == want
	}
	if terr, ok := err.(*sarama.TopicError); ok {
		return terr.Err == want
	}
	return strings.Contains(err.Error(), want.Error())
}

func sortedEqual(got, want []int32) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[int32]int{}
	for _, v := range got {
		seen[v]++
	}
	for _, v := range want {
		seen[v]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
