package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/service"
)

// TestEnvJSONRoundTrip checks that what env --json writes reads back: for
// real resolutions, and for values with every field of the core types set to
// an awkward value, the output is valid JSON that decodes and encodes again
// to the same bytes, so that a field added to core without a usable JSON
// form fails here. (Fields tagged "-" are not written, so the decoded value
// is compared through its encoding.)
func TestEnvJSONRoundTrip(t *testing.T) {
	for name, out := range encodeCases(t) {
		var buf bytes.Buffer
		if err := writeJSON(&buf, out); err != nil {
			t.Fatal(err)
		}
		var back envOutput
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("%s: env --json is not valid JSON: %v\n%s", name, err, buf.Bytes())
		}
		var again bytes.Buffer
		if err := writeJSON(&again, back); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), buf.Bytes()) {
			t.Errorf("%s: env --json does not read back:\n got %s\nwant %s", name, again.Bytes(), buf.Bytes())
		}
	}
}

// awkward exercises every escape encoding/json makes for valid UTF-8
// (invalid UTF-8 does not round-trip: it becomes U+FFFD).
const awkward = "a\"b\\c\b\f\n\r\t\x00\x01\x1f\x7f<>&\u2028\u2029é😀"

// encodeCases returns env outputs to encode: real ones and filled ones.
func encodeCases(t *testing.T) map[string]envOutput {
	cases := map[string]envOutput{}
	for _, extra := range [][]string{nil, {"GOENV=off", "GOPRIVATE=" + awkward}, {"GOPROXY=x", "PATH="}} {
		s := newSandbox(t, extra...)
		r := service.New(service.Options{Env: s.environ()}).Resolve()
		cases[strings.Join(extra, " ")] = envJSON(r, r.Settings, nil)
	}
	var filled envOutput
	fill(reflect.ValueOf(&filled).Elem())
	cases["filled"] = filled
	cases["empty"] = envOutput{Vars: map[string]core.Setting{"X": {}}, Check: &checkOutput{Disagreements: []service.Disagreement{}}}
	cases["nil"] = envOutput{Check: &checkOutput{}}
	return cases
}

// fill sets every field reachable from v to a non-zero value: awkward
// strings, true, 7, and two elements in each slice and map.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(awkward + v.Type().Name())
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(7)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for _, k := range []string{"GOPROXY", "A" + awkward} {
			e := reflect.New(v.Type().Elem()).Elem()
			fill(e)
			v.SetMapIndex(reflect.ValueOf(k), e)
		}
	}
}
