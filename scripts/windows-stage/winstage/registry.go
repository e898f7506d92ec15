package main

import "errors"

func checkRegistry() error { return errors.New("not written yet") }
func checkCred() error     { return errors.New("not written yet") }
