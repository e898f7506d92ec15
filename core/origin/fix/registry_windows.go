package fix

import (
	"errors"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"github.com/gomirror/gomirror/core/history"
)

// OSUserEnv returns HKCU\Environment.
func OSUserEnv() UserEnv { return hkcuEnv{} }

// hkcuEnv is HKCU\Environment.
type hkcuEnv struct{}

// Get implements UserEnv.
func (hkcuEnv) Get(name string) (history.RegistryValue, bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, `Environment`, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return history.RegistryValue{}, false, nil
	}
	if err != nil {
		return history.RegistryValue{}, false, err
	}
	defer k.Close()
	v, typ, err := k.GetStringValue(name)
	if errors.Is(err, registry.ErrNotExist) {
		return history.RegistryValue{}, false, nil
	}
	if err != nil {
		return history.RegistryValue{}, false, err
	}
	t := history.RegSZ
	if typ == registry.EXPAND_SZ {
		t = history.RegExpandSZ
	}
	return history.RegistryValue{Data: v, Type: t}, true, nil
}

// Set implements UserEnv.
func (hkcuEnv) Set(name string, v history.RegistryValue) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, `Environment`, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	if v.Type == history.RegExpandSZ {
		return k.SetExpandStringValue(name, v.Data)
	}
	return k.SetStringValue(name, v.Data)
}

// Delete implements UserEnv.
func (hkcuEnv) Delete(name string) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, `Environment`, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	return k.DeleteValue(name)
}

// Changed sends WM_SETTINGCHANGE "Environment" to all top-level windows,
// as the System Properties dialog does, waiting at most a second for each.
func (hkcuEnv) Changed() {
	const hwndBroadcast, wmSettingChange, smtoAbortIfHung = 0xffff, 0x001A, 0x0002
	env, _ := syscall.UTF16PtrFromString("Environment")
	proc := windows.NewLazySystemDLL("user32.dll").NewProc("SendMessageTimeoutW")
	var result uintptr
	proc.Call(hwndBroadcast, wmSettingChange, 0, uintptr(unsafe.Pointer(env)), smtoAbortIfHung, 1000, uintptr(unsafe.Pointer(&result)))
}
