package network

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"
)

// Linux route flags (linux/route.h).
const (
	rtfUp      = 0x1
	rtfGateway = 0x2
)

// parseProcRoute returns the default route with the lowest metric from the
// contents of Linux's /proc/net/route, or nil if there is none. Addresses
// there are hexadecimal in host (little-endian) byte order.
func parseProcRoute(data []byte) *Route {
	var best *Route
	bestMetric := uint64(1<<64 - 1)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 8 || f[1] != "00000000" || f[7] != "00000000" {
			continue // the header, or not a default route
		}
		flags, err1 := strconv.ParseUint(f[3], 16, 32)
		metric, err2 := strconv.ParseUint(f[6], 10, 64)
		if err1 != nil || err2 != nil || flags&rtfUp == 0 || metric >= bestMetric {
			continue
		}
		best, bestMetric = &Route{Interface: f[0]}, metric
		if flags&rtfGateway != 0 {
			best.Gateway = hexIPv4(f[2])
		}
	}
	return best
}

func hexIPv4(h string) string {
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return ""
	}
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(n))
	return netip.AddrFrom4(b).String()
}
