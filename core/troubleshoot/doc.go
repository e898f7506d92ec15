// Package troubleshoot takes a failing go command, or its pasted output, and
// says what went wrong, which setting and which layer of it is responsible,
// and how to fix it through core/service.
//
// Run executes a go command with a timeout (killing its whole process
// group, so nothing is left behind) and Explain classifies every failure
// line of its output into Findings. The output is cleaned first of what CI
// logs, Docker (BuildKit), loggers and terminals add. The rules recognise
// checksum mismatches (without blaming a mirror for a moved tag),
// checksum-database 404/410 answers (private only on evidence, otherwise
// refused or unexplained, with no edit), private modules sent to a public
// mirror, git credential prompts, proxy errors and whether the GOPROXY chain
// fell through, network failures (DNS at the resolver, timeout, refused, TLS,
// HTTP/2 resets), HTTP 401/403/407 and bare Forbidden, GOPROXY=off,
// -mod=vendor, broken GOPROXY, GOSUMDB or GOFLAGS values, go version and
// toolchain requirements, module path and major-version mismatches, queries
// that match nothing, bad pseudo-versions, unknown revisions, GOVCS refusals,
// and failures no setting causes (compile errors, missing packages or go.sum
// lines, an untidy go.mod, no go.mod). Failing lines no rule knows become a
// "not recognised" error that quotes them. A widening of GOPRIVATE and its
// relatives is only suggested with evidence and for the narrowest pattern,
// and UnsafeEdit refuses any fix that would add more. The patterns are
// generic so that the wording of older go releases is recognised too; the
// corpus in testdata/troubleshoot holds the real outputs they are scored on.
//
// The subpackages do the deeper checks: verify compares go.sum, the checksum
// database and every mirror for one module version; toolchains checks that
// the mirrors serve the toolchain a project asks for; watch reports changes
// to the env file, go.env and shell rc files made outside the app.
package troubleshoot
