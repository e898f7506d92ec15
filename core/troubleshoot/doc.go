// Package troubleshoot takes a failing go command, or its pasted output, and
// says what went wrong, which setting and which layer of it is responsible,
// and how to fix it through core/service.
//
// Run executes a go command with a timeout (killing its whole process
// group, so nothing is left behind) and Explain classifies every failure
// line of its output into Findings: checksum mismatches, checksum-database
// lookups of private paths, proxy errors and whether the GOPROXY chain fell
// through, network failures (DNS, timeout, refused, TLS), HTTP 401/403/407,
// GOPROXY=off, -mod=vendor, broken GOPROXY or GOSUMDB values, unknown
// revisions and GOVCS refusals, and toolchain downloads. The patterns are
// generic so that the wording of older go releases is recognised too.
//
// The subpackages do the deeper checks: verify compares go.sum, the checksum
// database and every mirror for one module version; toolchains checks that
// the mirrors serve the toolchain a project asks for; watch reports changes
// to the env file, go.env and shell rc files made outside the app.
package troubleshoot
