//go:build !windows

package main

import "errors"

var errWindowsOnly = errors.New("runs only on Windows (under Wine in scripts/windows-stage.sh)")

func checkRegistry() error { return errWindowsOnly }
func checkCred() error     { return errWindowsOnly }

func regCmd([]string) error { return errWindowsOnly }
