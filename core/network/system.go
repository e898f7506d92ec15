package network

import (
	"context"

	psnet "github.com/shirou/gopsutil/v4/net"

	"github.com/gomirror/gomirror/core"
)

// systemInterfaces lists the machine's interfaces through gopsutil.
func systemInterfaces(ctx context.Context) ([]Interface, error) {
	stats, err := psnet.InterfacesWithContext(ctx)
	if err != nil {
		return nil, core.NewError("network.interfaces", nil, err)
	}
	out := make([]Interface, len(stats))
	for i, s := range stats {
		out[i] = Interface{Name: s.Name, Flags: s.Flags, HardwareAddr: s.HardwareAddr}
		for _, a := range s.Addrs {
			out[i].Addrs = append(out[i].Addrs, a.Addr)
		}
	}
	return out, nil
}
