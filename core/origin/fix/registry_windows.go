package fix

import (
	"errors"
	"fmt"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// RemovedVar is a user environment variable removed from the registry,
// with what RestoreUserVar needs to put it back exactly.
type RemovedVar struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// Expand reports a REG_EXPAND_SZ value (one with %VARS%).
	Expand bool `json:"expand"`
}

// RemoveUserVar deletes the user environment variable name from
// HKCU\Environment and tells running programs (Explorer) that the
// environment changed, so apps started from then on no longer get it. Ask
// the user to confirm first. Running programs keep their copy.
func RemoveUserVar(name string) (RemovedVar, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, `Environment`, registry.QUERY_VALUE|registry.SET_VALUE)
	if err != nil {
		return RemovedVar{}, fmt.Errorf(`opening HKCU\Environment: %w`, err)
	}
	defer k.Close()
	v, typ, err := k.GetStringValue(name)
	if errors.Is(err, registry.ErrNotExist) {
		return RemovedVar{}, fmt.Errorf("there is no user environment variable %s to remove; reload to see where the value comes from now", name)
	}
	if err != nil {
		return RemovedVar{}, fmt.Errorf(`reading %s from HKCU\Environment: %w`, name, err)
	}
	if err := k.DeleteValue(name); err != nil {
		return RemovedVar{}, fmt.Errorf(`removing %s from HKCU\Environment: %w`, name, err)
	}
	broadcastEnvironmentChange()
	return RemovedVar{Name: name, Value: v, Expand: typ == registry.EXPAND_SZ}, nil
}

// RestoreUserVar puts back a variable RemoveUserVar removed.
func RestoreUserVar(r RemovedVar) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, `Environment`, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf(`opening HKCU\Environment: %w`, err)
	}
	defer k.Close()
	if r.Expand {
		err = k.SetExpandStringValue(r.Name, r.Value)
	} else {
		err = k.SetStringValue(r.Name, r.Value)
	}
	if err != nil {
		return fmt.Errorf(`restoring %s in HKCU\Environment: %w`, r.Name, err)
	}
	broadcastEnvironmentChange()
	return nil
}

// broadcastEnvironmentChange sends WM_SETTINGCHANGE "Environment" to all
// top-level windows, as the System Properties dialog does, waiting at most
// a second for each.
func broadcastEnvironmentChange() {
	const hwndBroadcast, wmSettingChange, smtoAbortIfHung = 0xffff, 0x001A, 0x0002
	env, _ := syscall.UTF16PtrFromString("Environment")
	proc := windows.NewLazySystemDLL("user32.dll").NewProc("SendMessageTimeoutW")
	var result uintptr
	proc.Call(hwndBroadcast, wmSettingChange, 0, uintptr(unsafe.Pointer(env)), smtoAbortIfHung, 1000, uintptr(unsafe.Pointer(&result)))
}
