package main

import (
	"log"
	"os"
)

// newStderrLogger is sarama's log (STROM_GO_DEBUG=1), for finding out what it sent.
func newStderrLogger() *log.Logger {
	return log.New(os.Stderr, "[sarama] ", log.Lmicroseconds)
}
