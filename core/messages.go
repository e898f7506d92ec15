package core

// problemTemplates holds the English message and fix of every problem code
// that core's packages report. Each template may print
// {{.Var}} and the arguments its producer always sets; optional arguments
// are printed only inside {{if}} or {{with}}. The Value-check codes end their
// message with {{with .From}} and start some fixes with {{with .Before}}:
// core/diagnose fills those with a snippet saying where the value comes from
// or what to do first.
var problemTemplates = map[string]Template{
	// Writes and keys (core/validate).
	"unset-absent": {
		`{{.Var}} is not set in the env file, so unsetting it changes nothing.`,
		`Nothing to do; if {{.Var}} still has a value, it comes from the OS environment or $GOROOT/go.env.`},
	"read-only": {
		`{{.Var}} cannot be modified: the go command computes it.`,
		`Leave {{.Var}} alone; change the settings it is computed from instead.`},
	"os-only": {
		`{{.Var}} can only be set using the OS environment; the go command ignores it in the env file.`,
		`Set {{.Var}} in your shell profile or system environment settings instead.`},
	"network-key": {
		`{{.Var}} is not a go command variable: the go command reads it from the OS environment only, never from the env file.`,
		`Set {{.Var}} in your shell profile or system environment settings instead.`},
	"unknown-key": {
		`unknown go command variable {{printf "%q" .Var}}; the go command refuses to write it.`,
		`{{with .Suggestion}}Did you mean {{.}}?{{else}}Check the spelling; variable names are upper case, e.g. GOPROXY or GOPRIVATE.{{end}}`},
	"invalid-utf8": {
		`The value of {{.Var}} is not valid UTF-8; the go command refuses it.`,
		`Remove the offending characters from the value.`},
	"invalid-nul": {
		`The value of {{.Var}} contains a NUL byte; the go command refuses it.`,
		`Remove the offending characters from the value.`},
	"invalid-newline": {
		`The value of {{.Var}} contains a line break (\n, \r or \v); the go command refuses it.`,
		`{{with .Suggestion}}Put the whole value on one line, e.g. {{$.Var}}={{.}}.{{else}}Put the whole value on one line; give each variable its own KEY=VALUE.{{end}}`},
	"go111module-invalid": {
		`invalid GO111MODULE value {{printf "%q" .Value}}; the go command refuses it.`,
		`{{with .Suggestion}}Did you mean {{.}}?{{else}}Use one of on, off or auto (or unset it).{{end}}`},
	"gomodcache-relative": {
		`{{.Var}} {{printf "%q" .Value}} is relative; the go command refuses it: it must be an absolute path.{{with .From}} {{.}}{{end}}`,
		`Use an absolute path, e.g. {{.Example}}.`},
	"gotmpdir-relative": {
		`{{.Var}} {{printf "%q" .Value}} is relative; the go command refuses it: it must be an absolute path.`,
		`Use an absolute path, e.g. {{.Example}}.`},
	"compiler-invalid": {
		`invalid {{.Var}}: unterminated {{.Quote}} string.`,
		`Close the quote, or remove it.`},
	"compiler-empty": {
		`{{.Var}} contains only spaces.`,
		`Give a compiler name such as gcc, or unset {{.Var}}.`},
	"compiler-relative": {
		`{{.Var}} entry {{printf "%q" .Entry}} is relative; the go command refuses it: use an absolute path or a bare command name.`,
		`Use an absolute path, or just the command name to find it on PATH.`},
	"goos-goarch-invalid": {
		`unsupported GOOS/GOARCH pair {{.GOOS}}/{{.GOARCH}}; the go command refuses it.`,
		`Pick a pair from go tool dist list, e.g. linux/amd64, darwin/arm64 or windows/amd64.`},
	"goexperiment-unknown": {
		`unknown GOEXPERIMENT {{.Name}}; the go command refuses it.`,
		`Remove it; experiments are comma-separated names such as jsonv2, optionally prefixed with no.`},
	"empty-hides-goenv": {
		`An empty {{.Var}} line in the env file hides $GOROOT/go.env's {{.Var}}={{.Default}}; ` +
			`{{if eq .Var "GOSUMDB"}}the go command then fails to verify any download ("missing GOSUMDB").` +
			`{{else if eq .Var "GOTOOLCHAIN"}}the go command then skips toolchain selection entirely.` +
			`{{else}}the go command then has no proxies at all and every download fails ("GOPROXY list is not the empty string, but contains no entries").{{end}}`,
		`Unset {{.Var}} instead of setting it to the empty string.`},
	"proxy-empty-value": {
		`{{if .Nowhere}}Nothing sets GOPROXY, not even $GOROOT/go.env. {{end}}An empty GOPROXY gives the go command no proxies at all: every download fails.`,
		`Set a proxy list such as https://proxy.example.test,direct, or direct.`},
	"sumdb-empty-value": {
		`{{if .Nowhere}}Nothing sets GOSUMDB, not even $GOROOT/go.env. {{end}}An empty GOSUMDB makes every checksum verification fail with "missing GOSUMDB".`,
		`Name a checksum database, e.g. {{.Alias}}, or set GOSUMDB=off deliberately.`},
	"empty-follows-goprivate": {
		`An empty {{.Var}} does not turn it off: it follows GOPRIVATE ({{.GOPRIVATE}}).`,
		`Set {{.Var}}=none to match no module paths.`},
	"unset-leaves-empty": {
		`$GOROOT/go.env does not set {{.Var}}, so after unsetting it {{.Var}} is empty.`,
		`Set {{.Var}} to an explicit value instead.`},
	"os-shadows-write": {
		`Your OS environment sets {{.Var}}={{.OSValue}}, which overrides the env file: this write is saved but has no effect until that variable is removed.`,
		`{{.Hint}}`},
	"os-shadows-unset": {
		`Your OS environment sets {{.Var}}={{.OSValue}}, which overrides the env file: removing it from the file has no effect until that variable is removed too.`,
		`{{.Hint}}`},

	// GOPROXY.
	"proxy-empty-list": {
		`GOPROXY={{printf "%q" .Value}} lists no proxies; the go command fails every download with "GOPROXY list is not the empty string, but contains no entries".{{with .From}} {{.}}{{end}}`,
		`Unset GOPROXY to use the default, or set a list such as https://proxy.example.test,direct.`},
	"proxy-off": {
		`GOPROXY=off disables module downloads: only modules already in the module cache (and GOPRIVATE/GONOPROXY paths, fetched directly) can be used.{{with .From}} {{.}}{{end}}`,
		`Unset GOPROXY to use the default proxy, or set a mirror such as https://proxy.example.test,direct.`},
	"proxy-direct-only": {
		`GOPROXY starts with direct: every module is fetched from its version-control host, which is slower, needs git (or another VCS) installed, and may be blocked in some regions.{{with .From}} {{.}}{{end}}`,
		`Put a module mirror first, e.g. https://proxy.example.test,direct, or unset GOPROXY to use the default.`},
	"proxy-unreachable-entry": {
		`GOPROXY entries after {{.End}} are never used: {{.Entries}}.{{with .From}} {{.}}{{end}}`,
		`Move them before {{.End}}, or remove them.`},
	"proxy-invalid-url": {
		`GOPROXY entry {{printf "%q" .Entry}} is not a valid URL ({{.Error}}); the go command will refuse it and every download fails.{{with .From}} {{.}}{{end}}`,
		`Write it as https://host[/path], e.g. https://proxy.example.test.`},
	"proxy-no-host": {
		`GOPROXY entry {{printf "%q" .Entry}} has no host name, so the go command cannot connect to it.{{with .From}} {{.}}{{end}}`,
		`Write the proxy's full address, e.g. https://mirror.example.test.`},
	"proxy-file-host": {
		`GOPROXY entry {{printf "%q" .Entry}} is a file:// URL with a host or other non-path parts; the go command will refuse it.{{with .From}} {{.}}{{end}}`,
		`Did you mean {{.Suggestion}}? A file URL needs three slashes before an absolute path.`},
	"proxy-missing-scheme": {
		`GOPROXY entry {{printf "%q" .Entry}} has no scheme; the go command will refuse it ("invalid proxy URL missing scheme").{{with .From}} {{.}}{{end}}`,
		`{{if eq .Kind "noproxy"}}noproxy is internal to the go command; to fetch some modules directly, list their paths in GOPRIVATE or GONOPROXY.` +
			`{{else}}Did you mean {{.Suggestion}}?{{if eq .Kind "keyword"}} The keywords direct and off are lower case.{{end}}{{end}}`},
	"proxy-bad-scheme": {
		`GOPROXY entry {{printf "%q" .Entry}} has scheme {{printf "%q" .Scheme}}; the go command accepts only https, http and file, and will refuse it.{{with .From}} {{.}}{{end}}`,
		`{{if eq .Kind "socks"}}GOPROXY names module proxies, not network proxies. To reach the internet through {{.Entry}}, set HTTPS_PROXY in the OS environment and keep GOPROXY a module proxy URL.` +
			`{{else if eq .Kind "git"}}GOPROXY names module proxies. To fetch from a git server, use direct and list the module paths in GOPRIVATE.` +
			`{{else}}Use an https:// URL, e.g. {{.Suggestion}}.{{end}}`},
	"proxy-credentials-http": {
		`GOPROXY entry {{printf "%q" .Entry}} has credentials in an http:// URL; the go command refuses to send them ("refusing to pass credentials to insecure URL").{{with .From}} {{.}}{{end}}`,
		`Use {{.Suggestion}} and store the credentials with GOAUTH (e.g. in ~/.netrc) instead.`},
	"proxy-credentials": {
		`GOPROXY entry {{printf "%q" .Entry}} contains credentials; they are stored in plain text and shown by go env.{{with .From}} {{.}}{{end}}`,
		`Use {{.Suggestion}} and store the credentials with GOAUTH instead (e.g. a ~/.netrc line: machine {{.Host}} login USER password TOKEN).`},
	"proxy-http": {
		`GOPROXY entry {{printf "%q" .Entry}} uses plain http: downloads are not encrypted (checksums are still verified against GOSUMDB).{{with .From}} {{.}}{{end}}`,
		`Use https:// if the proxy supports it.`},

	// GOSUMDB.
	"sumdb-off": {
		`GOSUMDB=off turns off checksum verification: downloaded modules are no longer checked against a checksum database, so a tampered proxy or repository goes unnoticed (go.sum still protects modules already recorded).{{with .From}} {{.}}{{end}}`,
		`Unset GOSUMDB to use the default, or list private module paths in GOPRIVATE or GONOSUMDB instead of turning verification off.`},
	"sumdb-malformed": {
		`GOSUMDB={{printf "%q" .Value}} is malformed; the go command fails every verification with "invalid GOSUMDB: malformed verifier id".{{with .From}} {{.}}{{end}}`,
		`{{if eq .Kind "off"}}Did you mean off? It must be exactly off: lower case, no spaces.` +
			`{{else}}Use {{.Alias}} alone: it is an alias only when it is the whole value.{{end}}`},
	"sumdb-empty": {
		`GOSUMDB contains only spaces; the go command fails every verification with "missing GOSUMDB".{{with .From}} {{.}}{{end}}`,
		`Unset GOSUMDB to use the default, or name a checksum database.`},
	"sumdb-too-many-fields": {
		`GOSUMDB={{printf "%q" .Value}} has {{.Fields}} fields; the go command fails every verification with "invalid GOSUMDB: too many fields".{{with .From}} {{.}}{{end}}`,
		`Use NAME, NAME+HASH+KEY, or either followed by one URL, e.g. {{.Example}}.`},
	"sumdb-unknown-key": {
		`GOSUMDB names {{printf "%q" .Key}} without a public key, and the go command has no built-in key for it; every verification fails with "malformed verifier id".{{with .From}} {{.}}{{end}}`,
		`Give the database's full verifier key NAME+HASH+KEY as published by its operator{{with .Known}}, or use {{.}}{{end}}.`},
	"sumdb-bad-key": {
		`GOSUMDB key {{printf "%q" .Key}} is not a valid verifier key ({{.Error}}); every verification fails.{{with .From}} {{.}}{{end}}`,
		`Copy the NAME+HASH+KEY string exactly as the database operator publishes it.`},
	"sumdb-bad-name": {
		`GOSUMDB database name {{printf "%q" .Name}} is invalid (it must be host[/path]); every verification fails.{{with .From}} {{.}}{{end}}`,
		`Use a plain host name such as sum.example.test, without scheme, query or trailing slash.`},
	"sumdb-bad-url": {
		`GOSUMDB URL {{printf "%q" .URL}} is invalid ({{.Error}}); every verification fails.{{with .From}} {{.}}{{end}}`,
		`Write the URL as https://host[/path].`},
	"sumdb-url-scheme": {
		`GOSUMDB URL {{printf "%q" .URL}} has no http or https scheme; every verification fails.{{with .From}} {{.}}{{end}}`,
		`Did you mean {{.Suggestion}}?`},

	// Module path patterns.
	"pattern-duplicate": {
		`{{.Var}} lists the pattern {{printf "%q" .Pattern}} more than once.{{with .From}} {{.}}{{end}}`,
		`Remove the duplicate: {{.Var}}={{.Suggestion}}.`},
	"pattern-space": {
		`{{.Var}} has spaces in its list (around commas, or a \r from Windows line endings); the go command does not trim them, so those patterns never match any module path.{{with .From}} {{.}}{{end}}`,
		`{{with .Suggestion}}Remove the spaces: {{$.Var}}={{.}}.{{else}}Unset {{.Var}}; it contains only spaces.{{end}}`},
	"pattern-scheme": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} has a URL scheme; patterns match module paths, which never contain one, so it never matches.{{with .From}} {{.}}{{end}}`,
		`Did you mean {{.Suggestion}}?`},
	"pattern-colon": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} contains ':'; module paths never contain one (no ports), so it never matches.{{with .From}} {{.}}{{end}}`,
		`Use the module path prefix without the port, e.g. {{.Suggestion}}.`},
	"pattern-bad-char": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} contains {{printf "%q" .Char}}, which never appears in a module path, so the pattern never matches.{{with .From}} {{.}}{{end}}`,
		`Did you mean {{.Suggestion}}?`},
	"pattern-malformed": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} is not a valid glob ({{.Error}}); the go command silently treats it as matching nothing.{{with .From}} {{.}}{{end}}`,
		`Close the [ ] bracket or escape it; a pattern is a module path prefix with * and ? wildcards, e.g. *.corp.example.test.`},
	"pattern-everything": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} matches every module: {{if eq .Var "GOINSECURE"}}TLS certificate checks are turned off (and plain HTTP allowed) for every module download{{else if eq .Var "GONOPROXY"}}every module is fetched directly from its origin, never through the proxy{{else if eq .Var "GONOSUMDB"}}no module is checked against the checksum database{{else}}every module is fetched directly and none is checked against the checksum database{{end}}, not only your private ones.`,
		`List only your private hosts or paths, e.g. *.corp.example.test,github.com/your-company.`},
	"pattern-uppercase": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} has upper-case letters; matching is case-sensitive and module paths are almost always lower case, so it probably never matches.{{with .From}} {{.}}{{end}}`,
		`Did you mean {{.Suggestion}}?`},

	// GOVCS, GOFLAGS, GOAUTH.
	"govcs-malformed": {
		`{{if eq .Kind "empty-rule"}}GOVCS has an empty rule (two commas in a row, or a trailing comma)` +
			`{{else if eq .Kind "no-colon"}}GOVCS rule {{printf "%q" .Rule}} has no colon` +
			`{{else if eq .Kind "empty-pattern"}}GOVCS rule {{printf "%q" .Rule}} has an empty pattern` +
			`{{else if eq .Kind "empty-list"}}GOVCS rule {{printf "%q" .Rule}} has an empty VCS list` +
			`{{else if eq .Kind "relative"}}GOVCS rule {{printf "%q" .Rule}} has a relative pattern` +
			`{{else}}GOVCS rule {{printf "%q" .Rule}} can never apply: {{printf "%q" .First}} comes first with the same pattern{{end}}` +
			`; the go command refuses every direct fetch.{{with .From}} {{.}}{{end}}`,
		`Write rules as pattern:vcs|vcs separated by commas, e.g. GOVCS=private:git|hg,public:git.`},
	"govcs-empty-vcs": {
		`GOVCS rule {{.Rule}} has an empty VCS name; the go command refuses every direct fetch.{{with .From}} {{.}}{{end}}`,
		`Remove the extra |, e.g. {{.Pattern}}:git|hg.`},
	"govcs-unknown-vcs": {
		`GOVCS rule {{.Rule}} names {{printf "%q" .Name}}, which is not a version-control tool the go command knows, so it allows nothing.{{with .From}} {{.}}{{end}}`,
		`Use git, hg, svn, bzr, fossil, all or off.`},
	"goflags-quote": {
		`GOFLAGS has an unterminated {{.Quote}} string; every go command stops with "parsing $GOFLAGS".{{with .From}} {{.}}{{end}}`,
		`Close the quote or remove it.`},
	"goflags-non-flag": {
		`GOFLAGS word {{printf "%q" .Word}} is not a flag; every go command except go env stops with "parsing $GOFLAGS: non-flag".{{with .From}} {{.}}{{end}}`,
		`{{if eq .Kind "join"}}Did you mean {{.Suggestion}}? Flags with values must be written with =.` +
			`{{else if eq .Kind "dash"}}Did you mean {{.Suggestion}}? Every GOFLAGS word is a flag such as -mod=mod.` +
			`{{else}}Remove it; every GOFLAGS word must be a flag such as -mod=mod or -modcacherw.{{end}}`},
	"goflags-mod-vendor": {
		`GOFLAGS=-mod=vendor makes every go command use only the vendor directory; in modules without one, imports fail with "import lookup disabled by -mod=vendor" and nothing is downloaded.{{with .From}} {{.}}{{end}}`,
		`Remove -mod=vendor from GOFLAGS; the go command already uses vendor/ automatically when a module has one.`},
	"goflags-unknown": {
		`GOFLAGS contains {{.Flag}}, which no go command knows; every go command except go env stops with "parsing $GOFLAGS: unknown flag {{.Flag}}".{{with .From}} {{.}}{{end}}`,
		`Check the spelling (go help build lists the build flags), or remove {{.Flag}}.`},
	"goflags-bad-value": {
		`GOFLAGS sets {{.Flag}}={{.Value}}, which the go command does not accept, so every build stops.{{with .From}} {{.}}{{end}}`,
		`Use one of {{.Allowed}}, or remove {{.Flag}}.`},
	"goflags-insecure": {
		`GOFLAGS contains -insecure, which go get rejects ("-insecure flag is no longer supported").{{with .From}} {{.}}{{end}}`,
		`Remove -insecure and list the module paths in GOINSECURE instead.`},
	"goauth-empty-command": {
		`GOAUTH={{printf "%q" .Value}} has an empty command (an extra ';'); every HTTPS download stops with "GOAUTH encountered an empty command".{{with .From}} {{.}}{{end}}`,
		`Remove the extra semicolon: GOAUTH={{.Suggestion}}.`},
	"goauth-off-combined": {
		`GOAUTH combines off with other methods; every HTTPS download stops with "GOAUTH=off cannot be combined with other authentication commands".{{with .From}} {{.}}{{end}}`,
		`Use GOAUTH=off alone to turn credentials off, or remove off from the list.`},
	"goauth-git-dir": {
		`GOAUTH method {{printf "%q" .Method}} needs exactly one absolute path to a git working directory; every HTTPS download stops with an error.{{with .From}} {{.}}{{end}}`,
		`Write it as git /absolute/path/to/a/checkout, e.g. git {{.Example}}.`},

	// GOTOOLCHAIN.
	"toolchain-invalid": {
		`GOTOOLCHAIN {{printf "%q" .Value}} is invalid: ` +
			`{{if eq .Kind "suffix"}}only +auto and +path may follow the version` +
			`{{else if eq .Kind "spaces"}}it contains spaces, so the go command tries to download a toolchain by that name and fails` +
			`{{else}}it is not local, auto, path or a toolchain name like go1.26.0{{end}}` +
			`. go env -w accepts it, but afterwards every go command stops with "invalid GOTOOLCHAIN" (even go env -u GOTOOLCHAIN).{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}` +
			`{{if eq .Kind "suffix"}}Did you mean {{.Suggestion}}? {{if .CaseOnly}}The suffix is lower case.{{else}}The suffix must be +auto or +path.{{end}}` +
			`{{else if eq .Mistake "default"}}Did you mean local? "default" is valid only in a go.mod toolchain line.` +
			`{{else if eq .Mistake "keyword"}}Did you mean {{.Suggestion}}? The keywords are lower case, without spaces.` +
			`{{else if .Suggestion}}Did you mean {{.Suggestion}}?` +
			`{{else}}Use local, auto, path, or a release such as {{.Example}} or {{.Example}}+auto.{{end}}`},
	"toolchain-language-version": {
		`GOTOOLCHAIN {{printf "%q" .Value}} names a language version, not a toolchain release; downloading it fails ("is a language version but not a toolchain version").{{with .From}} {{.}}{{end}}`,
		`Did you mean {{.Suggestion}}?`},
	"toolchain-not-downloadable": {
		`GOTOOLCHAIN {{printf "%q" .Value}} is older than go1.21.0, the first release the go command can download; unless {{.Min}} is on your PATH, go commands fail.{{with .From}} {{.}}{{end}}`,
		`Use go1.21.0 or later, or local.`},

	// GOPATH and GOROOT values.
	"gopath-relative": {
		`GOPATH {{printf "%q" .Value}} is relative; the go command refuses it: it must be an absolute path.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Use an absolute path, e.g. {{.Example}}.`},
	"gopath-tilde": {
		`GOPATH entry {{printf "%q" .Entry}} starts with ~; the go command does not expand it and stops with an error.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Write the home directory out: {{.Example}}.`},
	"gopath-element-relative": {
		`GOPATH element {{printf "%q" .Entry}} is relative; go env -w accepts it, but afterwards every go command stops with "GOPATH entry is relative; must be absolute path".{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Replace it with an absolute path, e.g. {{.Example}}, or remove it from the list.`},
	"gopath-is-goroot": {
		`GOPATH is the same directory as GOROOT; the go command warns and behaves as if GOPATH were not set.{{with .From}} {{.}}{{end}}`,
		`Use a separate directory, e.g. {{.Example}}.`},
	"goroot-pinned": {
		`GOROOT={{.Value}} overrides where the go command finds its installation and its go.env; after an upgrade or move it points at the wrong or a missing Go.{{with .From}} {{.}}{{end}}`,
		`Leave GOROOT unset unless you really need it; the go command finds its own installation.`},

	// The installation and the env file (core/diagnose).
	"go-not-installed": {
		`No go command was found on PATH, so none of these settings are used yet.`,
		`{{if eq .GOOS "windows"}}Install Go from https://go.dev/dl/ (the .msi installer) or run winget install GoLang.Go, then open a new terminal.` +
			`{{else if eq .GOOS "darwin"}}Install Go from https://go.dev/dl/ (the .pkg installer) or run brew install go, then open a new terminal.` +
			`{{else}}Download Go from https://go.dev/dl/ and unpack it into /usr/local, adding /usr/local/go/bin to PATH; or use your package manager (e.g. sudo apt install golang-go, sudo dnf install golang), whose version may be older.{{end}}`},
	"go-not-on-path": {
		`GOROOT is {{.GOROOT}}, but no go command was found on PATH.`,
		`Add {{.Bin}} to PATH.`},
	"goroot-error": {
		`The go command cannot start: {{.Error}}.`,
		`{{if eq .FoundBy "env-file"}}Unset GOROOT in the env file (go env -u GOROOT) so the go command finds its own installation.` +
			`{{else if eq .FoundBy "process-env"}}{{.Hint}} The go command finds its own installation without it.` +
			`{{else}}Reinstall Go from https://go.dev/dl/; a go binary copied out of its installation cannot find GOROOT.{{end}}`},
	"goenv-missing": {
		`This Go installation has no $GOROOT/go.env, so GOPROXY, GOSUMDB and GOTOOLCHAIN have no defaults: they are empty unless you set them.`,
		`Reinstall Go from https://go.dev/dl/ to restore go.env, or set GOPROXY and GOSUMDB explicitly.`},
	"goenv-off": {
		`GOENV=off is set in the OS environment: the go command ignores your env file, yet go env -w still silently writes the default file, where it has no effect.`,
		`{{.Hint}}`},
	"env-file-dir": {
		`The env file path {{.Path}} is a directory: nothing is read from it and go env -w fails.`,
		`Remove or rename the directory, or point GOENV at a file.`},
	"env-file-unreadable": {
		`The env file {{.Path}} cannot be read ({{.Reason}}): {{if eq .Cause "special"}}the go command waits on it for ever.{{else}}the go command silently ignores all its settings.{{end}}`,
		`{{if eq .Cause "loop"}}{{.Path}} is a symbolic link that leads back to itself: point it at a real file, or remove it.{{else if eq .Cause "special"}}Point GOENV at a regular file, or unset GOENV to use the default one.{{else if eq .Cause "too-large"}}That is no env file: point GOENV at the right file, or unset GOENV.{{else if eq .Cause "permission"}}Fix the file's permissions so that you can read and write it.{{else}}Check that {{.Path}} is a readable file, or unset GOENV to use the default one.{{end}}`},
	"no-env-file": {
		`There is no user env file ({{.Reason}}): go env -w fails and only the OS environment and go.env count.`,
		`Set HOME (or an absolute XDG_CONFIG_HOME), or set GOENV to an absolute file path.`},
	"goenv-relative": {
		`GOENV={{.Path}} is a relative path: each go command reads a different env file depending on the directory it runs in.`,
		`Set GOENV to an absolute path, e.g. {{.AbsPath}}, or unset it.`},

	// Lines of the env file.
	"env-file-crlf": {
		`The env file has Windows (CRLF) line endings: the go command keeps the \r at the end of every value, so values such as GOSUMDB=off or GOPROXY URLs no longer mean what they say.`,
		`Convert the file to LF line endings (e.g. dos2unix, or your editor's line-ending setting), or re-set each value with Go Mirror.`},
	"env-file-bom": {
		`The env file starts with a UTF-8 byte order mark, so the go command skips its first line ({{.Line}}) and {{.Var}} is not set here.`,
		`Save the file as UTF-8 without a byte order mark, or set {{.Var}} again with Go Mirror and delete this line.`},
	"key-space": {
		`This line defines {{printf "%q" .Key}} (with a space), not {{.Var}}, so the go command ignores it for {{.Var}}.`,
		`Remove the space: {{.Var}}={{.Value}}`},
	"ignored-key": {
		`{{.Key}} in the env file is ignored: ` +
			`{{if eq .Kind "telemetry"}}telemetry is configured with go telemetry on|off|local.` +
			`{{else if eq .Kind "computed"}}the go command computes it.` +
			`{{else}}the go command reads it from the OS environment only.{{end}}`,
		`{{if eq .Kind "telemetry"}}Delete this line; run go telemetry off (or on, or local) instead.` +
			`{{else if eq .Kind "computed"}}Delete this line.` +
			`{{else}}Delete this line; set {{.Var}} in your shell profile or system environment settings instead.{{end}}`},
	"unknown-key-in-file": {
		`{{.Var}} is not a variable the go command knows; this line has no effect.`,
		`{{with .Suggestion}}Did you mean {{.}}? Rename the key on this line.{{else}}Delete this line if you do not need it.{{end}}`},
	"quoted-value": {
		`The value of {{.Var}} keeps its quotes: the env file has no quoting, so the go command uses {{.Value}} literally.`,
		`Remove the quotes: {{.Var}}={{.Suggestion}}`},
	"inline-comment": {
		`The value of {{.Var}} includes {{printf "%q" .Comment}}: the env file has no inline comments, so it is part of the value.`,
		`Move the comment to its own line starting with #: {{.Var}}={{.Suggestion}}`},
	"missing-equals": {
		`This line has no '=', so the go command skips it and {{.Var}} is not set here.`,
		`Write it as {{.Var}}=VALUE.`},
	"export-prefix": {
		`This line is written for a shell (export ...); the go command skips it, so {{.Var}} is not set here.`,
		`Change the line to {{.Suggestion}}`},
	"leading-space": {
		`This line starts with a space, so the go command skips it and {{.Var}} is not set here.`,
		`Remove the leading space: {{.Suggestion}}`},
	"lowercase-key": {
		`The key {{printf "%q" .Key}} is not upper case, so the go command skips this line and {{.Var}} is not set here.`,
		`Change the line to {{.Suggestion}}`},
	"duplicate-key": {
		`{{.Var}} is set again on line {{.Last}}; only the last line counts, so this one ({{.Var}}={{.Value}}) has no effect.`,
		`Delete this line, or move its value to line {{.Last}}.`},

	// Settings as resolved.
	"no-gopath": {
		`GOPATH is empty because no home directory is set: verifying downloads fails with "could not locate sumdb file: missing $GOPATH"` +
			`{{if .NoModCache}}, and downloads fail with "module cache not found: neither GOMODCACHE nor GOPATH is set"{{end}}.`,
		`Set HOME (USERPROFILE on Windows) in the OS environment, or set GOPATH to an absolute directory with Go Mirror.`},
	"goinsecure-proxy": {
		`GOINSECURE matches the GOPROXY host {{.Host}}, but GOINSECURE never applies to proxy URLs: it only affects modules fetched directly.`,
		`To use a proxy over plain HTTP, write its GOPROXY entry as http://{{.Host}}; remove {{.Host}} from GOINSECURE.`},
	"os-shadows-file": {
		`Your OS environment sets {{.Var}}={{.OSValue}}, which overrides the env file's {{.Var}}={{.FileValue}}: the file's value has no effect.` +
			`{{if eq .Var "GOFLAGS"}} GOFLAGS values are not merged: only the OS flags apply.{{end}}`,
		`{{.Hint}} Or, if the OS value is the one you want, set it in the env file too.`},
	"os-shadows-goenv": {
		`Your OS environment sets {{.Var}}={{.OSValue}}, overriding the installation default {{.Default}} from $GOROOT/go.env.`,
		`Nothing to do if this is intended. To go back to the default: {{.Hint}}`},
	"os-empty-ignored": {
		`Your OS environment sets {{.Var}} to the empty string, which the go command treats as unset: it does not clear the value from the env file or go.env.`,
		`To change {{.Var}}, set a non-empty value; to remove it, unset it in the env file with Go Mirror.`},
	"no-longer-follows-goprivate": {
		`{{.Var}} is set explicitly ({{.Value}}), so it no longer follows GOPRIVATE ({{.GOPRIVATE}}).` +
			`{{with .Missing}} Modules matching {{.}} are private but still ` +
			`{{if eq $.Var "GONOSUMDB"}}looked up in the checksum database (which fails for private modules and reveals their names){{else}}fetched through GOPROXY{{end}}.{{end}}`,
		`{{with .Missing}}Unset {{$.Var}} to follow GOPRIVATE, or add {{.}} to it.` +
			`{{else}}Nothing to do if this is intended; to follow GOPRIVATE again, unset {{.Var}}.{{end}}`},

	// Failures of a go command (core/troubleshoot).
	"fail-checksum-gosum": {
		`The {{.File}} of {{.Module}}@{{.Version}} just downloaded does not match the hash recorded in {{with .Label}}{{.}}{{else}}go.sum{{end}}{{with .Downloaded}} (downloaded {{.}}{{end}}{{with .Recorded}}, recorded {{.}}){{end}}. Most often the module's author moved the version's tag after it was first published, so every source now serves the new bits; less often go.sum was edited or merged badly, or a mirror served different bits.`,
		`Run the checksum analysis (gomirrorctl verify {{.Module}}@{{.Version}}): if every source agrees with itself but not with go.sum, the tag was moved: GOPROXY=direct does not help, and neither does another mirror (the origin serves the moved tag). Do not delete the go.sum line to accept new bits without knowing why: use another version of {{.Module}}, or ask its author to publish a new version instead of moving a tag.`},
	"fail-checksum-sumdb": {
		`The {{.File}} of {{.Module}}@{{.Version}} that was downloaded does not match what the checksum database {{.DB}} recorded when the version was first published{{with .Recorded}} ({{.}}){{end}}. Most often the author moved the version's tag afterwards, so the origin now serves other bits; a mirror serving different bits is much rarer.{{with .From}} {{.}}{{end}}`,
		`GOPROXY=direct does not help: the origin serves the moved tag. Run the checksum analysis (gomirrorctl verify {{.Module}}@{{.Version}}) to see which source disagrees; only if one mirror alone disagrees, remove that mirror. Otherwise use another version of {{.Module}} (its author can publish a new one). Do not turn off verification.`},
	"fail-sumdb-private": {
		`The checksum database {{.DB}} answered {{.Status}} for {{.Module}}, and the output shows why: it could not read the module's repository, so the module is private{{with .Missing}}, or the repository does not exist (a mistyped path looks the same){{end}}. Private modules must not be looked up there (the lookup also reveals their names).{{with .From}} {{.}}{{end}}`,
		`{{with .Covered}}{{$.Var}} already lists {{.}}: the lookup came from another machine, or from a setting that overrides it.{{else}}{{with .Before}}{{.}} {{end}}Add only {{.Pattern}}: {{.Var}}={{.Suggestion}}. For paths under {{.Pattern}}, and nothing else, this turns off the checksum database{{if eq .Var "GOPRIVATE"}} and the module proxy: they are fetched directly from {{.Host}}{{end}}.{{end}} Git then needs credentials for {{.Host}}: store them with Go Mirror (kept in the keyring, served through GOAUTH), or set up a git credential helper or SSH (url.insteadOf).`},
	"fail-goproxy-off": {
		`GOPROXY=off disables module downloads, so {{.Module}} could not be fetched (only modules already in the module cache, and GOPRIVATE/GONOPROXY paths, work).{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Unset GOPROXY to use the default proxy, or choose a mirror on the Mirrors screen.`},
	"fail-mod-vendor": {
		`{{if eq .Kind "goflags"}}GOFLAGS contains -mod=vendor, so the go command only looks in the vendor directory and downloads nothing.{{with .From}} {{.}}{{end}}` +
			`{{else if eq .Kind "inconsistent"}}The vendor directory does not match go.mod (inconsistent vendoring), so the go command refuses to build in vendor mode.` +
			`{{else}}The go command is in vendor mode and the package is not in the vendor directory.{{end}}`,
		`{{if eq .Kind "goflags"}}{{with .Before}}{{.}} {{end}}Remove -mod=vendor from GOFLAGS; the go command uses vendor/ by itself when a module has one.` +
			`{{else}}Run go mod vendor to bring vendor/ up to date, or build with -mod=mod.{{end}}`},
	"fail-gosumdb-invalid": {
		`GOSUMDB={{printf "%q" .Value}} cannot be used, so no download can be verified.{{with .Detail}} {{.}}{{end}}{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Unset GOSUMDB to use the default checksum database, or choose one on the Mirrors screen.`},
	"fail-goproxy-invalid": {
		`GOPROXY={{printf "%q" .Value}} is invalid, so every download fails before any proxy is asked.{{with .Detail}} {{.}}{{end}}{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}{{with .Suggestion}}Correct it: GOPROXY={{.}}.{{else}}Unset GOPROXY to use the default, or choose a mirror on the Mirrors screen.{{end}}`},
	"fail-toolchain-unavailable": {
		`The go command needs toolchain {{.Toolchain}} and tried to download it through GOPROXY ({{.Proxy}}), but no proxy has it{{with .NoPatch}}: "{{$.Toolchain}}" is not a release name. Since Go 1.21 the first release of a version is {{.}}, so a go line without the patch number names a toolchain that does not exist{{else}}: toolchain downloads use the same mirrors as modules, and some mirrors do not serve golang.org/toolchain{{end}}.{{with .From}} {{.}}{{end}}`,
		`{{with .NoPatch}}Write the go line with its patch number (go {{$.GoLine}}), or install Go {{$.GoLine}} or newer; no mirror has {{$.Toolchain}}.{{else}}{{with .Before}}{{.}} {{end}}Check which mirrors serve {{.Toolchain}} with Go Mirror's toolchain check, put one that does first in GOPROXY, or install {{.Toolchain}} yourself and set GOTOOLCHAIN=local.{{end}}`},
	"fail-govcs": {
		`GOVCS does not allow {{.VCS}} for the {{.Kind}} repository {{.Root}}: by default only git and hg may be used for public paths.{{with .From}} {{.}}{{end}}`,
		`{{if eq .Kind "public"}}If {{.Root}} is private, list it in GOPRIVATE (GOPRIVATE={{.Suggestion}}); private paths may use any tool.{{else}}Allow it: GOVCS={{.Suggestion}}.{{end}}`},
	"fail-unknown-revision": {
		`The origin of {{.Module}} has no such version, tag or branch (unknown revision).`,
		`Check the version for typos and that the tag was pushed.{{with .Private}} It matches GOPRIVATE pattern {{.}}, so it is fetched directly: check that your git credentials can read it.{{end}}{{with .Pattern}} If it is a private module, list {{.}} in GOPRIVATE so that it is fetched directly, not through a public proxy.{{end}}`},
	"fail-proxy-auth": {
		`The network proxy {{.Proxy}} (from {{.Var}} in your OS environment) answered 407 Proxy Authentication Required: it wants credentials before it forwards anything.`,
		`Give the network proxy your credentials in {{.Var}} (http://USER:PASSWORD@{{.Host}}), ask your network administrator, or list hosts that are reachable without it in NO_PROXY. GOPROXY and the env file cannot fix this: the go command reads {{.Var}} from the OS environment only.`},
	"fail-dns": {
		`{{with .Resolver}}The DNS resolver {{.}} did not answer the lookup of {{$.Host}}{{else}}The host name {{.Host}} of {{.What}} could not be resolved (DNS){{end}}{{with .Kind}}: DNS fails on this machine or network (the resolver, a VPN, Docker's DNS), not the server{{else}}: it is misspelt, does not exist, or DNS does not work on this network{{end}}.{{with .From}} {{.}}{{end}}`,
		`{{with .Kind}}Check DNS, not GOPROXY: the resolver in /etc/resolv.conf or the network settings, a VPN that replaces it, or the container's DNS (docker run --dns, or the daemon's dns setting). Another mirror would need DNS too.{{else}}{{with .Before}}{{.}} {{end}}{{with .Suggestion}}The separator after this proxy is ',', so the go command stopped instead of trying {{$.Next}}: fall back on any error with '|', GOPROXY={{.}}.{{else}}Check your network, or choose a reachable mirror on the Mirrors screen.{{end}}{{with .SumDBAlias}} Or use the checksum database's alias that is reachable from mainland China: GOSUMDB={{.}}.{{end}}{{end}}`},
	"fail-timeout": {
		`No answer in time (timeout) from {{.What}} while downloading {{.Module}}: it is blocked or unreachable from this network, or overloaded.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}{{with .Suggestion}}The separator after this proxy is ',', so the go command stopped instead of trying {{$.Next}}: fall back on any error with '|', GOPROXY={{.}}.{{else}}Check your network, or choose a reachable mirror on the Mirrors screen.{{end}}{{with .SumDBAlias}} Or use the checksum database's alias that is reachable from mainland China: GOSUMDB={{.}}.{{end}}{{with .Profile}} Falling back to direct is usually blocked on such networks too: apply the built-in profile "{{.}}" (Profiles screen, or gomirrorctl profile apply "{{.}}"), which downloads through reachable mainland mirrors{{with $.Mirror}} (GOPROXY={{.}}){{end}} and verifies through sum.golang.google.cn, the same checksum database served from a reachable host; the Mirrors screen measures which mirrors answer from here.{{end}}{{with .Local}} Your settings already use GOPROXY={{.}}: this output comes from another machine or older settings.{{end}}`},
	"fail-refused": {
		`Connection refused by {{.What}} ({{.Host}}): nothing listens there, or a firewall rejects it.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}{{with .Suggestion}}The separator after this proxy is ',', so the go command stopped instead of trying {{$.Next}}: fall back on any error with '|', GOPROXY={{.}}.{{else}}Check your network, or choose a reachable mirror on the Mirrors screen.{{end}}{{with .SumDBAlias}} Or use the checksum database's alias that is reachable from mainland China: GOSUMDB={{.}}.{{end}}{{with .Profile}} Falling back to direct is usually blocked on such networks too: apply the built-in profile "{{.}}" (Profiles screen, or gomirrorctl profile apply "{{.}}"), which downloads through reachable mainland mirrors{{with $.Mirror}} (GOPROXY={{.}}){{end}} and verifies through sum.golang.google.cn, the same checksum database served from a reachable host; the Mirrors screen measures which mirrors answer from here.{{end}}{{with .Local}} Your settings already use GOPROXY={{.}}: this output comes from another machine or older settings.{{end}}`},
	"fail-tls": {
		`The TLS certificate of {{.What}} was not accepted ({{.Host}}): it is expired, self-signed, for another name, or replaced by a filtering proxy on this network.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}If a company proxy inspects TLS, install its root certificate in the system store; otherwise use another mirror. {{with .Suggestion}}The separator after this proxy is ',', so the go command stopped instead of trying {{$.Next}}: fall back on any error with '|', GOPROXY={{.}}.{{else}}Check your network, or choose a reachable mirror on the Mirrors screen.{{end}}{{with .SumDBAlias}} Or use the checksum database's alias that is reachable from mainland China: GOSUMDB={{.}}.{{end}}{{with .Profile}} Falling back to direct is usually blocked on such networks too: apply the built-in profile "{{.}}" (Profiles screen, or gomirrorctl profile apply "{{.}}"), which downloads through reachable mainland mirrors{{with $.Mirror}} (GOPROXY={{.}}){{end}} and verifies through sum.golang.google.cn, the same checksum database served from a reachable host; the Mirrors screen measures which mirrors answer from here.{{end}}{{with .Local}} Your settings already use GOPROXY={{.}}: this output comes from another machine or older settings.{{end}}`},
	"fail-connection": {
		`The connection to {{.What}} broke off ({{.Host}}): it was reset or closed mid-answer.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}{{with .Suggestion}}The separator after this proxy is ',', so the go command stopped instead of trying {{$.Next}}: fall back on any error with '|', GOPROXY={{.}}.{{else}}Check your network, or choose a reachable mirror on the Mirrors screen.{{end}}{{with .SumDBAlias}} Or use the checksum database's alias that is reachable from mainland China: GOSUMDB={{.}}.{{end}}{{with .Profile}} Falling back to direct is usually blocked on such networks too: apply the built-in profile "{{.}}" (Profiles screen, or gomirrorctl profile apply "{{.}}"), which downloads through reachable mainland mirrors{{with $.Mirror}} (GOPROXY={{.}}){{end}} and verifies through sum.golang.google.cn, the same checksum database served from a reachable host; the Mirrors screen measures which mirrors answer from here.{{end}}{{with .Local}} Your settings already use GOPROXY={{.}}: this output comes from another machine or older settings.{{end}}`},
	"fail-auth": {
		`Access denied by {{.What}} ({{.Status}}): it wants credentials you did not send, or refuses the ones you sent.{{with .Next}} The separator after it is ',', so the go command stopped there and never tried {{.}}.{{end}}{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Store credentials for {{.Host}} with Go Mirror (served through GOAUTH) or in ~/.netrc (machine {{.Host}} login USER password TOKEN).{{with .Suggestion}} Or fall back on any error with '|': GOPROXY={{.}}.{{end}}`},
	"fail-http-status": {
		`Request to {{.What}} failed with {{.Status}}.{{with .Next}} The separator after it is ',', which falls back only on 404 or 410, so the go command stopped there and never tried {{.}}.{{end}}{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}{{with .Suggestion}}Fall back on any error with '|': GOPROXY={{.}}; or remove the failing mirror.{{else}}Try again later, or choose another mirror on the Mirrors screen.{{end}}`},
	"fail-proxy-notfound": {
		`Not found: {{.What}} does not have {{.Module}} ({{.Status}}){{with .Reason}}, saying "{{.}}"{{end}}{{with .Next}}, and neither did the entries after it down to {{.}}{{end}}: the GOPROXY chain fell through to its end.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Check the module path and version. A public mirror can also lag or fail: try again later or another mirror. If it is a private module, list only its path in GOPRIVATE so that it is fetched directly.{{with .Suggestion}} If it exists only at its origin, end the list with direct: GOPROXY={{.}}.{{end}}`},
	"fail-other": {
		`Not recognised: the go command failed, but no known cause matches: {{.Line}}`,
		`The failing lines are quoted above. Read them in full, or run the command again with -x to see each request.`},
	"fail-sumdb-notfound": {
		`The checksum database {{.DB}}{{with .Proxy}} (through {{.}}){{end}} answered {{.Status}} for {{.Module}}{{with .Reason}}, saying "{{.}}"{{end}}. Nothing in the output shows why: the module may be private, the version may not exist or be very new, or the database (or the mirror relaying it) may be failing.`,
		`Go Mirror changes no setting without evidence: listing a module as private turns off verification for it. Check that the version exists. If {{.Module}} is public, try again later, or use another mirror or checksum database.{{with .Pattern}} If it is private, list only it: GOPRIVATE={{.}} (paths under {{.}} then skip the proxy and the checksum database; nothing else changes).{{end}}`},
	"fail-sumdb-refused": {
		`The checksum database {{.DB}}{{with .Proxy}} (through {{.}}){{end}} answered {{.Status}} for {{.Module}} and said why: "{{.Reason}}". The database fetched this version and refused it: the module is public, not private.`,
		`No setting fixes this, and turning off verification or listing the module as private would only hide it. Use another version of {{.Module}}: its author can publish one that fixes the problem (for example a file name that module zips do not allow).`},
	"fail-private-module": {
		`{{.What}} answered {{.Status}} for {{.Module}}: it cannot read the module's repository (git asks for credentials). Public mirrors never see private repositories, so {{.Module}} is private{{with .Missing}}, or the repository does not exist (a mistyped path looks the same){{end}}.`,
		`{{with .Covered}}GOPRIVATE already lists {{.}}, yet the module went to the mirror: the output comes from another machine, or GONOPROXY overrides it.{{else}}List only it as private: GOPRIVATE={{.Suggestion}}. For paths under {{.Pattern}}, and nothing else, this skips the mirrors and the checksum database and fetches directly from {{.Host}}.{{end}} Then git needs credentials for {{.Host}}: store them with Go Mirror (kept in the keyring, served through GOAUTH), or set up a git credential helper or SSH (url.insteadOf). If the path may be mistyped, check it first.`},
	"fail-git-auth": {
		`git could not read the repository of {{.Module}} on {{.Host}}: it asked for credentials and none were available{{with .Missing}}, or the host says the repository is not there{{end}}. A private repository without credentials and a repository that does not exist (a mistyped or renamed path) look exactly the same.`,
		`First check the path (owner, name, letter case); run git ls-remote on it yourself, or set GIT_TERMINAL_PROMPT=1 to see the host's answer. If the repository is private, give git credentials for {{.Host}}: Go Mirror stores them in the keyring and serves them through GOAUTH, or use a git credential helper or SSH (url.insteadOf).{{with .Pattern}} Also list it as private so that it skips public mirrors and the checksum database: GOPRIVATE={{.}}.{{end}}{{with .Private}} It already matches the GOPRIVATE pattern {{.}}, so it is fetched directly.{{end}}`},
	"fail-module-path": {
		`The module at {{.Required}} says in its go.mod that its path is {{.Declared}}. A module can only be required by the path it declares: it was renamed or moved, or its go.mod is wrong.`,
		`Import and require it as {{.Declared}} (update the imports and go.mod; go get -u may have pulled a renamed version), or pin an older version that still uses {{.Required}}. If {{.Declared}} has no host name, the module's author must fix its go.mod; meanwhile a replace directive can point at a fork. No setting fixes this.`},
	"fail-go-version": {
		`{{.What}} requires go {{.Need}} or newer, but this go command is go {{.Running}}{{with .Toolchain}}, and GOTOOLCHAIN={{.}} forbids switching to a newer toolchain{{end}}.{{with .From}} {{.}}{{end}}`,
		`Install Go {{.Need}} or newer{{with .Toolchain}}, or let the go command download it (GOTOOLCHAIN=auto; the download goes through GOPROXY){{end}}; or, if you own the module and nothing needs {{.Need}}, lower its go line.`},
	"fail-goflags": {
		`The go command could not parse GOFLAGS ({{.Detail}}), so every go command fails. GOFLAGS is a space-separated list of flags, each complete in one word.{{with .Value}} Here GOFLAGS={{printf "%q" .}}.{{end}}{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}Write each flag as one word, with = and no spaces inside: GOFLAGS="-ldflags=-w -tags=a,b" (not -ldflags '-w -s' or -tags a). Flags whose values need spaces belong on the command line, not in GOFLAGS.`},
	"fail-no-match": {
		`No version of {{.Module}} matches "{{.Query}}": {{with .Full}}it is not a complete version (the tag is probably {{.}}){{else}}the module has no tagged release under this path, the path is a subdirectory or a renamed module, or a proxy early in GOPROXY answers with an empty list{{end}}.`,
		`{{with .Full}}Ask for {{.}} (or @latest).{{else}}Check the module path (a major version above 1 needs its /vN suffix), ask for a commit or branch (@main), or run GOPROXY=direct go list -m -versions with the module path to see whether a proxy in GOPROXY ({{$.Proxy}}) hides versions.{{end}}`},
	"fail-pseudo-version": {
		`{{.Module}} names a pseudo-version that does not match its commit{{with .Proxy}} (the proxy {{.}} answered with information for another version){{end}}: its timestamp or base version is wrong. Go 1.13 and later check this; the requirement is wrong, not the network.`,
		`Correct the requirement in go.mod (or in the go.mod of the module that requires it) to the commit's real pseudo-version: go get {{.Path}}@COMMIT prints it; or upgrade the module that requires it. No setting fixes this.`},
	"fail-http2": {
		`{{.What}} reset an HTTP/2 stream ({{.Error}}) while sending {{.Module}}: the server, its CDN, or a filtering proxy in between broke off the transfer. It is usually transient.`,
		`Run the command again. If it keeps failing, use another mirror (the Mirrors screen measures which answer from here), or make the go command use HTTP/1.1 with GODEBUG=http2client=0.`},
	"fail-forbidden": {
		`{{if eq .Kind "network"}}Forbidden, with no status code: the network proxy{{with .Proxy}} {{.}}{{end}} ({{.Var}}) or a firewall refused to connect to {{.Host}}. Company proxies do this for hosts they do not allow.{{else}}{{.What}} refused the request ({{.Status}}). A public mirror needs no credentials: it refuses this network (its address range, a hosting provider, Tor, or an organisation's egress policy).{{end}}`,
		`{{if eq .Kind "network"}}Ask the network administrator to allow {{.Host}}, or use a mirror the proxy allows (the Mirrors screen measures which answer). The env file cannot change {{.Var}}: the go command reads it from the OS environment.{{else}}Credentials will not help. Use another mirror (the Mirrors screen measures which answer from here), or ask the network administrator about the egress policy.{{end}}`},
	"fail-missing-gosum": {
		`go.sum has no checksum for {{.Module}}, which the build needs: go.sum is incomplete (not committed, merged badly, or not updated after go.mod changed). No download failed.`,
		`Run go mod tidy (go mod download alone does not add every line), then commit go.sum. No setting fixes this.`},
	"fail-import-path": {
		`"{{.Path}}" is not a module path{{with .Detail}} ({{.}}){{end}}: {{with .Since}}it is a standard-library package added in Go {{.}}, and this go command is older{{else}}an import or go get path must start with a host name, such as github.com/owner/repo{{end}}.`,
		`{{with .Since}}Install Go {{.}} or newer.{{else}}Fix the path (a missing host such as github.com/, a typo, or a file instead of a package), or add a replace directive if it names a local module. No setting fixes this.{{end}}`},
	"fail-missing-package": {
		`No module provides the package {{.Package}}: {{if eq .Kind "no-module"}}there is no go.mod in this directory or any parent, so nothing can be required{{else if eq .Kind "goroot"}}it is not in this Go installation's standard library (an old Go, gccgo, or a misspelt import){{else}}no requirement in go.mod provides it{{end}}. No download failed.`,
		`{{if eq .Kind "no-module"}}Run go mod init MODULE-PATH and then go mod tidy in the project's root.{{else if eq .Kind "goroot"}}Check the import path, and build with a current Go (the gc toolchain).{{else}}Check the import path for typos (letter case, and the module's real, possibly vanity, path), then go get it or run go mod tidy.{{end}} No setting fixes this.`},
	"fail-compile": {
		`The code does not compile: {{.Error}}. This is an error in the code or in a dependency's version, not a download or settings problem.`,
		`Read the first error. Often a dependency changed its API (pin in go.mod the version the code was written for), the Go release is too old, or a file is left out by build tags or the target platform.`},
	"output-other-settings": {
		`This output used {{.Proxies}}, which your settings do not (GOPROXY={{.Local}}): it was made on another machine (a colleague's, CI) or with other settings, and the same command may behave differently here.`,
		`The findings explain the output as it is. To see what happens on this machine, run the command here with gomirrorctl explain -- go ... (only fixes from such a run can be applied).`},
	"fail-gomod-update": {
		`go.mod is not tidy: the build needs changes to it{{with .Readonly}}, and -mod=readonly forbids making them{{end}}. Since Go 1.16 builds no longer update go.mod on their own. No download failed.`,
		`Run go mod tidy in the module's root and commit go.mod and go.sum. No setting fixes this.`},
	"fail-install-replace": {
		`go install with a version refuses {{.Module}}: its go.mod has replace (or exclude) directives, which would make it build differently than as a main module.`,
		`Only the module's author can fix this, by removing the directives from released versions. Meanwhile clone the repository and run go install in it, or install an older version without them. No setting fixes this.`},
	"fail-major-version": {
		`{{.Module}} is a major version 2 or later, which must be asked for by its own module path, {{.Path}}: since its go.mod exists, v2+ versions are not versions of the path without the suffix.`,
		`Require and import it as {{.Path}} (go get {{.Path}}@latest). If {{.Path}} does not exist, the module's author released v2+ without changing the module line; use the last v1 version until they publish one with the /vN path. No setting fixes this.`},
	"fail-no-module": {
		`There is no go.mod in this directory or its parents{{with .Dir}}, although {{.}} looks like a project{{end}}: module mode needs one, so nothing can be built here. No download failed.`,
		`If the project has a go.mod elsewhere, run the command there. Otherwise create one in the project's root: go mod init MODULE-PATH (e.g. github.com/owner/repo), then go mod tidy; or install a tool by its path with go install PATH@latest. No setting fixes this.`},
	"fail-killed": {
		`The go command did not finish within {{.Timeout}} and was stopped{{with .URL}}; it was still waiting for {{.}}{{end}}.{{with .From}} {{.}}{{end}}`,
		`{{with .Before}}{{.}} {{end}}{{with .URL}}That server hangs: use '|' after it in GOPROXY, or another mirror. {{end}}Run again with a longer timeout if the network is just slow.`},
	"proxy-fell-through": {
		`{{.Failed}} answered {{.Status}} for {{.Module}}, so the go command fell through ('{{.Sep}}') to {{.Served}}, which served it.`,
		`Nothing to fix; if {{.Failed}} should have had it, it may lag behind (see the Mirrors screen).`},

	// Checksum-mismatch analysis (core/troubleshoot/verify).
	"verify-consistent": {
		`Every source agrees on {{.Module}}@{{.Version}} with {{.Reference}}.`,
		`Nothing to fix.`},
	"verify-mirror-disagrees": {
		`The mirror {{.Name}} serves {{.Module}}@{{.Version}} with different contents than {{if eq .RefKind "checksum-database"}}the checksum database {{.Reference}} records{{else}}the other mirrors ({{.Reference}}){{end}}: it has been tampered with, or serves a stale copy of a version whose tag was moved.`,
		`Stop using {{.Name}}{{with .Suggestion}}: GOPROXY={{.}}{{end}}, and tell its operator. Then run go clean -modcache (or delete this module from the module cache) and download again.`},
	"verify-gosum-edited": {
		`go.sum ({{.GoSum}}) records other hashes for {{.Module}}@{{.Version}} than the checksum database {{.Reference}} and every mirror: the go.sum line was edited by hand or merged badly.`,
		`Delete the go.sum lines for {{.Module}} {{.Version}} and run go mod download {{.Module}}@{{.Version}} to record the right ones; check the file's history for who changed them.`},
	"verify-retagged": {
		`go.sum ({{.GoSum}}) records other hashes for {{.Module}}@{{.Version}} than every mirror serves today, and no checksum database checks this module: the module's author probably moved the tag {{.Version}} to another commit.`,
		`Ask the module's owner not to move published tags; a new version number is safe. Only if you trust the new contents, delete the go.sum lines for {{.Module}} {{.Version}} and download again.{{with .Pattern}} It is excluded from the checksum database by GONOSUMDB pattern {{.}}, so only go.sum protects it.{{end}}`},
	"verify-sumdb-private": {
		`The checksum database {{.DB}} has no record of {{.Module}}: it only knows public modules, so this one is private and must not be looked up there.`,
		`Add {{.Pattern}} to {{.Var}}: {{.Var}}={{.Suggestion}}.`},
	"verify-mirror-missing": {
		`The mirror {{.Name}} does not have {{.Module}}@{{.Version}}: it lags behind or cannot reach the module's origin.`,
		`Nothing to fix if another entry of GOPROXY serves it; otherwise wait, or use a mirror that has it.`},
	"verify-unreachable": {
		`{{.Name}} could not be asked: {{.Error}}`,
		`Check the network, then run the analysis again.`},
	"verify-no-reference": {
		`No checksum database checks {{.Module}}@{{.Version}} and the mirrors do not agree on a majority, so there is no reference to compare with.`,
		`Compare with the module's origin yourself (go mod download with GOPROXY=direct and GOFLAGS=-mod=mod in a throwaway module).`},

	// Toolchain availability (core/troubleshoot/toolchains).
	"toolchain-no-download": {
		`{{.File}} line {{.Line}} asks for {{.Toolchain}}, newer than the installed {{with .Local}}{{.}}{{else}}go{{end}}, but GOTOOLCHAIN={{.Mode}} forbids downloading it: go commands in this project fail.`,
		`Set GOTOOLCHAIN=auto so that the go command downloads {{.Toolchain}} through GOPROXY, or install {{.Toolchain}} yourself.`},
	"toolchain-served": {
		`{{.Toolchain}} (asked for by {{.File}} line {{.Line}}) is served by {{.Mirror}}.`,
		`Nothing to fix.`},
	"toolchain-walk-stops": {
		`{{.Mirror}} serves {{.Toolchain}} (asked for by {{.File}} line {{.Line}}), but the go command never gets there: {{with .Stop}}{{.}} fails first and ',' after it stops the walk{{else}}an earlier entry fails first{{end}}.`,
		`Fall back on any error with '|': GOPROXY={{.Suggestion}}; or put {{.Mirror}} first.`},
	"toolchain-not-served": {
		`No GOPROXY mirror serves {{.Toolchain}} (asked for by {{.File}} line {{.Line}}) as golang.org/toolchain: when the go command needs it, the download fails with "toolchain not available".`,
		`Add a mirror that serves golang.org/toolchain to GOPROXY (check it on the Mirrors screen), or install {{.Toolchain}} yourself and set GOTOOLCHAIN=local.`},

	// Writes refused because a file changed on disk (core/service, core/origin/fix).
	"file-changed": {
		`{{if eq .Kind "rc-file"}}{{.Path}} changed on disk since Go Mirror read it (perhaps in an editor).` +
			`{{else}}The env file {{.Path}} changed on disk since it was read (perhaps by go env -w or another editor).{{end}}`,
		`Reload to see the current {{if eq .Kind "rc-file"}}lines{{else}}values{{end}}, then make the change again.`},

	"profiles-too-many": {
		`{{if eq .What "size"}}The profile file is {{.N}} bytes, more than the {{.MaxMiB}} MiB Go Mirror reads.{{else}}That would make {{.N}} profiles, more than the {{.MaxProfiles}} Go Mirror keeps.{{end}} Nothing was imported.`,
		`Import only the profiles you switch between: export them by name (gomirrorctl profile export NAME...) and import that file.`},
	// Concurrent writers, special files and the history (core/service).
	"key-changed": {
		`{{.Keys}} changed in the env file {{.Path}} since Go Mirror read it (perhaps by go env -w, an editor or another Go Mirror window), so writing now would undo that change.`,
		`Reload to see the current value, then make the change again if you still want it.`},
	"overwritten": {
		`Another program rewrote {{.Path}} right after Go Mirror wrote it, and {{.Keys}} no longer has the value just written (the go command's go env -w does not wait for other writers).`,
		`Run env to see the current value, then set it again if you still want it.`},
	"writer-busy": {
		`Another Go Mirror process (the app, its tray or gomirrorctl) has been writing for {{.Wait}}; nothing was written.`,
		`Wait for it to finish and try again; if none is running, a hung one may hold the lock: end it.`},
	"file-not-regular": {
		`{{.Path}} is a {{.Kind}}, not a regular file; Go Mirror only replaces regular files, and replacing this one could break it for every program on the system.`,
		`Point GOENV at a regular file (or unset GOENV to use the default), or replace the {{.Kind}} with a file yourself.`},
	"file-read-only": {
		`{{.Path}} is read-only (mode {{.Mode}}); go env -w refuses to write it too, so Go Mirror leaves it alone.`,
		`If you mean to change it, make it writable first (chmod u+w {{.Path}}, or clear the read-only attribute on Windows).`},
	"file-other-owner": {
		`{{.Path}} belongs to another user (uid {{.Owner}}); replacing it would make it yours and take it from them.`,
		`Change it as its owner, or take ownership of it deliberately (chown) if it should be yours.`},
	"history-unwritable": {
		`Nothing was written: the change could not be recorded in the history at {{.Dir}} ({{.Reason}}), so it could not be undone.`,
		`Free disk space or make {{.Dir}} a writable directory, then try again.`},
	"history-damaged": {
		`The history entry {{.Path}} is damaged ({{.Reason}}), so Go Mirror cannot tell what that write changed or undo it.`,
		`Restore the file from a backup, or delete it to undo the writes before it; the env file itself is unchanged.`},
	// Reverting one history entry, and redo (core/service).
	"revert-later-write": {
		`{{.Key}} was changed again after this change{{if .Later}}: "{{.Later}}" at {{.Time}}{{else}}, outside Go Mirror{{end}}; it is now {{.Now}}. Reverting would silently throw that later change away.`,
		`Revert the later change first, or edit {{.Key}} directly.`},
	"revert-undone": {
		`This change was already undone.`,
		`Use Redo to make it again.`},
	"revert-is-undo": {
		`This entry is itself an undo; only the newest undo can be redone.`,
		`Use Redo right after an undo, or make the change again.`},
	"revert-not-newest": {
		`Only the newest change to {{.Path}} can be undone: it is a shell startup file, edited line by line.`,
		`Undo the later changes first.`},
	"revert-other-file": {
		`This change was made to {{.Path}}, but the go command now reads {{.Current}}.`,
		`Point GOENV back to {{.Path}}, or edit the current file.`},
	"nothing-to-redo": {
		`There is nothing to redo: only an undo with no write after it can be redone.`,
		`Undo a change first; Redo then makes it again.`},

	// Lines of shell startup files (core/origin/fix).
	"rc-line-commented": {
		`Line {{.Line}} of {{.Path}} is already a comment.`,
		`Reload to see where the value comes from now.`},
	"rc-line-missing": {
		`{{.Path}} has {{.Lines}} lines, so there is no line {{.Line}}: it changed since it was scanned.`,
		`Reload and try again.`},
	"rc-line-continued": {
		`Line {{.Line}} of {{.Path}} is part of a command continued over several lines with a backslash, so changing it alone would break the file.`,
		`Edit the file by hand.`},

	// GOPRIVATE, GONOPROXY and GONOSUMDB lists (core/private/pattern).
	"pattern-none": {
		`{{.Var}}=none matches no module path; it only stops {{.Var}} from following GOPRIVATE.`,
		`Nothing to fix; unset {{.Var}} if it should follow GOPRIVATE again.`},
	"pattern-never-matches": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} can never match a module path: ` +
			`{{with .First}}its first element {{printf "%q" .}} has no dot, which every downloadable module path needs{{else}}{{.Error}}{{end}}.`,
		`Use a module path prefix such as git.example.test/org, or a glob such as *.example.test.`},
	"pattern-redundant": {
		`{{.Var}} pattern {{printf "%q" .Pattern}} is already covered by {{printf "%q" .CoveredBy}}: every module path it matches, {{printf "%q" .CoveredBy}} matches too.`,
		`Remove {{printf "%q" .Pattern}}.`},
	"pattern-explicit": {
		`{{.Var}} is set explicitly, so it does not follow GOPRIVATE; it still covers every GOPRIVATE pattern.`,
		`Nothing to fix; unset {{.Var}} in every layer if it should follow GOPRIVATE again.`},
	"pattern-explicit-missing": {
		`{{.Var}} is set explicitly ({{printf "%q" .Value}}), so it no longer follows GOPRIVATE: modules matching GOPRIVATE pattern {{.Patterns}} ` +
			`{{if eq .Var "GONOSUMDB"}}are still looked up in the checksum database, which fails for private modules ("404 Not Found" or "410 Gone")` +
			`{{else}}are still fetched through the proxies in GOPROXY, which learn their paths and cannot serve them{{end}}.`,
		`Add {{.Missing}} to {{.Var}}, or unset {{.Var}} in every layer so that it follows GOPRIVATE again.`},

	// Profiles and profile files (core/profile).
	"profile-syntax": {
		`TOML syntax error: {{.Error}}.`,
		`Fix the line named, or export the profiles again.`},
	"profile-type": {
		`{{if eq .Kind "table"}}profile {{.Key}} must be a table` +
			`{{else}}{{.Key}} must be ` +
			`{{if eq .Kind "number"}}a number` +
			`{{else if eq .Kind "name"}}a profile name in quotes` +
			`{{else if eq .Kind "tables"}}tables such as [profiles."Office"]` +
			`{{else if eq .Kind "text"}}text in quotes` +
			`{{else if eq .Kind "set"}}a table of KEY = "value"` +
			`{{else if eq .Kind "keys"}}a list of keys in quotes, e.g. ["GOFLAGS"]` +
			`{{else if eq .Kind "hosts"}}a list of hosts or module path prefixes in quotes` +
			`{{else}}a value in quotes{{end}}{{end}}.`,
		`Write it as in an exported profile file.`},
	"profile-version": {
		`The file has format version {{.Version}}; this Go Mirror reads up to {{.Max}}.`,
		`Update Go Mirror.`},
	"profile-unknown-field": {
		`{{if eq .Kind "file"}}Unknown setting {{printf "%q" .Field}}.` +
			`{{else}}Profile {{printf "%q" .Profile}} has an unknown field {{printf "%q" .Field}}.{{end}}`,
		`{{if eq .Kind "file"}}Remove it; a profile file has version, active and [profiles."NAME"] tables.` +
			`{{else if eq .Kind "secret"}}Remove it: profiles never hold secrets. Store the secret in Go Mirror's credentials (the keyring) and list its host under credentials.` +
			`{{else}}Remove it; a profile has description, set, unset and credentials.{{end}}`},
	"profile-name": {
		`{{if eq .Kind "empty"}}a profile needs a name` +
			`{{else if eq .Kind "spaces"}}the profile name {{printf "%q" .Name}} starts or ends with spaces; remove them` +
			`{{else if eq .Kind "control"}}the profile name {{printf "%q" .Name}} contains a control character such as a line break; use plain text` +
			`{{else}}the profile name {{printf "%.20q" .Name}}… is longer than 100 bytes; shorten it{{end}}{{if .Table}}.{{end}}`,
		`{{if .Table}}Rename the table [profiles."NAME"].{{else}}Give the profile a short name such as "Office VPN".{{end}}`},
	"profile-unknown-key": {
		`Profile {{printf "%q" .Profile}} changes {{.Var}}, which is not a setting profiles manage.`,
		`Use only {{.Keys}}; check the spelling.`},
	"profile-action": {
		`Profile {{printf "%q" .Profile}} has an unknown action {{printf "%q" .Action}} for {{.Var}}.`,
		`Use set, unset or leave.`},
	"profile-duplicate": {
		`Profile {{printf "%q" .Profile}} both sets and unsets {{.Var}}.`,
		`Keep one of them.`},
	"profile-placeholder": {
		`{{if eq .Kind "credential"}}Credential reference {{printf "%q" .Ref}}{{else}}{{.Var}}={{.Value}}{{end}} still names the template's made-up domain {{.Domain}}.`,
		`{{if eq .Kind "credential"}}Name only the host or module path prefix, e.g. athens.example.com or github.com/acme; the secret stays in the keyring.` +
			`{{else}}Replace it with your company's proxy host or module path pattern.{{end}}`},
	"profile-secret": {
		`{{.Var}}={{.Value}} contains a password; profiles are shared and never hold secrets.`,
		`Remove the user:password@ part and store the credential in Go Mirror's credentials (the keyring) instead; list its host under credentials.`},
	"profile-credential": {
		`Credential reference {{printf "%q" .Ref}} of profile {{printf "%q" .Profile}} is not a host or module path prefix.`,
		`Name only the host or module path prefix, e.g. athens.example.com or github.com/acme; the secret stays in the keyring.`},
	// The contexts Go runs in (core/origin/diag).
	"shell-export-shadows-file": {
		`{{if .RCFile}}In a new terminal, line {{.Line}} of {{.RCFile}} sets {{.Var}}={{.Shell}}, which overrides the env file's {{.Var}}={{.File}}: go env -w has no effect there.` +
			`{{else}}In a new terminal {{.Var}}={{.Shell}} comes from the environment, overriding the env file's {{.Var}}={{.File}}; Go Mirror could not find the rc-file line that sets it.{{with .Note}} {{.}}{{end}}{{end}}`,
		`{{if .RCFile}}Remove line {{.Line}} of {{.RCFile}} (Go Mirror can comment it out){{with .Earlier}}, and the {{$.EarlierCount}} earlier lines that set it ({{.}}){{end}}, or write the value there instead{{with .Diff}}:` + "\n" + `{{.}}{{else}}.{{end}}` +
			`{{else}}Find the line that sets {{.Var}} in your shell's startup files (or in a file they source) and remove it, or add "unset {{.Var}}" (fish: "set -e {{.Var}}") at the end of your rc file; then open a new terminal.{{end}}`},
	"contexts-differ": {
		`{{if eq .Var "GOROOT"}}A new terminal runs the Go installation in {{with .Terminal}}{{.}}{{else}}empty{{end}}, but apps started from the desktop run the one in {{with .Desktop}}{{.}}{{else}}empty{{end}}: their go.env defaults and versions may differ.` +
			`{{else}}In a new terminal {{.Var}} is {{with .Terminal}}{{.}}{{else}}empty{{end}}, but apps started from the desktop, such as IDEs, get {{with .Desktop}}{{.}}{{else}}empty{{end}}: the go command behaves differently in each.` +
			`{{with .RCFile}} The terminal's value comes from {{.}} line {{$.Line}}.{{end}}{{end}}`,
		`{{if eq .Var "GOROOT"}}Give both the same PATH (or remove one installation), and remove GOROOT from the OS environment: the go command finds its own installation.` +
			`{{else}}Set it once in the env file with Go Mirror (go env -w), which both read, and remove {{with .RCFile}}line {{$.Line}} of {{.}} (Go Mirror can comment it out){{else}}it from the OS environment of the other{{end}}.{{end}}`},
	"terminal-no-go": {
		`New terminals can't find go: a login shell's PATH has no Go installation, while apps started from the desktop use the one in {{.Desktop}}.`,
		`Add {{.Bin}} to PATH in ~/.profile (a line export PATH="$PATH:{{.Bin}}"), then log out and in again.`},
	"windows-user-var-shadows-file": {
		`Your Windows user environment variable {{.Var}}={{.Value}} overrides the env file's {{.Var}}={{.File}} for every app started from the desktop, such as your IDE: go env -w has no effect there.`,
		`Remove the user variable {{.Var}} (Go Mirror can do it after you confirm; or System Properties > Environment Variables > User variables), then restart the apps that use Go.`},
	"windows-system-var-shadows-file": {
		`The Windows system environment variable {{.Var}}={{.Value}} overrides the env file's {{.Var}}={{.File}} for every app started from the desktop, such as your IDE: go env -w has no effect there.`,
		`Ask an administrator to remove the system variable {{.Var}} (System Properties > Environment Variables > System variables), or set a user variable {{.Var}} with the value you want, then restart the apps that use Go.`},
	"launchctl-shadows-file": {
		`The launchd variable (set with launchctl setenv) {{.Var}}={{.Value}} overrides the env file's {{.Var}}={{.File}} for every app started from the desktop, such as your IDE: go env -w has no effect there.`,
		`Run launchctl unsetenv {{.Var}}, and remove it from any launch agent or login script that sets it, then restart the apps that use Go.`},
	"stale-process": {
		`{{.Reason}}`,
		`{{.Hint}}`},
	"process-env-unknown": {
		`{{.Reason}}`,
		`{{.Hint}}`},
	"go-installations-differ": {
		`PATH holds two Go installations whose go.env files give different defaults: {{.First}} (first on PATH, so it runs) and {{.Other}}. ` +
			`Differences: {{with .Differences}}{{.}}{{else}}only in comments or other keys{{end}}. Which defaults apply depends on PATH order, which may differ between terminals, IDEs and scripts.`,
		`Remove the installation you do not use (or its directory from PATH); and set the values you rely on in the env file with Go Mirror, so go.env defaults do not matter. ` +
			`The go commands are {{.FirstGo}} and {{.OtherGo}}.`},
}

// snippetTemplates are sentences shared by several problems, named by their
// "@Name" arguments.
var snippetTemplates = map[string]string{
	"os-remove.windows": `Remove {{.Var}} from your environment: System Properties > Environment Variables (or in PowerShell: [Environment]::SetEnvironmentVariable('{{.Var}}', $null, 'User')), then open a new terminal.`,
	"os-remove.darwin":  `Remove the line that sets {{.Var}} from your shell profile (~/.zshrc, ~/.bash_profile) and, if set with launchctl, run launchctl unsetenv {{.Var}}; then open a new terminal.`,
	"os-remove.unix":    `Remove the line that sets {{.Var}} from your shell profile (~/.bashrc, ~/.zshrc, ~/.profile or /etc/environment) or run unset {{.Var}} in that shell; then open a new terminal.`,
	"from.goroot-env":   `The value comes from $GOROOT/go.env.`,
	"from.process-env":  `The value comes from your OS environment.`,
	"fix.breaks-go":     `Correct or unset {{.Var}} with Go Mirror: while it is in effect every go command fails, including go env -w and go env -u.`,
	// Where a failure's setting comes from, and what failed (core/troubleshoot).
	"from.env-file": `The value comes from the env file {{.LayerFile}}, line {{.LayerLine}}.`,
	"from.derived":  `The value follows GOPRIVATE.`,
	"from.default":  `The value is the go command's compiled-in default.`,
	"what.proxy":    `the proxy {{.Proxy}}`,
	"what.sumdb":    `the checksum database {{.DB}}{{with .Proxy}} (through the proxy {{.}}){{end}}`,
	"what.origin":   `the module's origin server {{.Host}}`,
	"what.network":  `the network proxy {{.Host}} ({{.Var}})`,
	"what.server":   `the server`,
	// Why a shell ends up with a value (core/origin), and what a running
	// process holds and how to restart it (core/origin/procs).
	"origin.own-environment": `Go Mirror's own environment has it: it was inherited from whatever started Go Mirror (the desktop session, or a terminal).`,
	"origin.not-found":       `No rc file line sets {{.Var}}: it was inherited from the environment the shell started with, or set by a file Go Mirror cannot see.`,
	"origin.unset-but-set":   `{{.At}} removes {{.Var}}, yet the shell ends up with {{.Var}}={{.Value}}: something later (a file Go Mirror cannot see, or a command) sets it again.`,
	"origin.set-but-unset":   `{{.At}} sets {{.Var}}, yet the shell ends up without it: the line may be skipped by a condition, or something later removes it.`,
	"origin.computed":        `{{.At}} computes the value, so Go Mirror cannot check it statically; the shell's result is {{.Value}}.`,
	"origin.differs": `{{.At}} sets {{.Var}}={{.LineValue}}, but the shell ends up with {{.Value}}: the line may be skipped by a condition, ` +
		`or something later (a file Go Mirror cannot see, or a command) changes it.`,
	"procs.stale-env": `{{.Name}} (PID {{.PID}}) still has {{.Var}}={{.Has}} in its environment; the effective value is now {{printf "%q" .Want}}` +
		`{{with .More}} (and {{.}} more variables differ){{end}}.`,
	"procs.stale-started": `{{.Name}} (PID {{.PID}}) started at {{.Started}}, before the last change at {{.Since}}, so it may still use the old settings.`,
	"procs.unknown": `Go Mirror cannot read the environment of {{.Name}} (PID {{.PID}}): {{with .Error}}{{.}}{{else}}the operating system returned an empty environment{{end}}. ` +
		`It usually belongs to another user or is protected by the operating system; if it was started before your change, restart it to be sure.`,
	"procs.ok":         `{{.Name}} (PID {{.PID}}) has the current values.`,
	"procs.hint.go":    `Let this go command finish, or stop it (Ctrl+C) and run it again in a new terminal.`,
	"procs.hint.gopls": `Restart the language server: in VS Code run "Go: Restart Language Server", in Neovim :LspRestart; or quit the editor that started it. gopls inherits its editor's environment, so restart the editor if that is stale too.`,
	"procs.hint.dlv":   `Stop the debug session and start it again.`,
	"procs.hint.goland": `Quit GoLand completely (File > Exit) and start it again; it reads the environment only at startup. ` +
		`On macOS, an app started from the Dock does not see your shell's exports: use the env file (go env -w) instead.`,
	"procs.hint.editor": `Quit the editor completely (all windows) and start it again; "Reload Window" keeps the old environment. ` +
		`On macOS, an app started from the Dock does not see your shell's exports: use the env file (go env -w) instead.`,
	"procs.hint.vim":   `Restart gopls with :LspRestart, or quit the editor and start it again from a new terminal.`,
	"procs.hint.other": `Restart it.`,
}

// noteTemplates explain one layer of a precedence chain. An "@Prior"
// argument names a note that comes first.
var noteTemplates = map[string]string{
	"os-empty":              `set to the empty string, which the go command treats as unset`,
	"file-duplicates":       `{{.Lines}} lines set {{.Var}}; the last one counts`,
	"file-missing":          `the file does not exist yet`,
	"file-directory":        `the path is a directory, so nothing is read`,
	"file-unreadable":       `the file cannot be read: {{.Reason}}`,
	"file-off":              `GOENV=off: no user env file is read`,
	"file-unavailable":      `no user env file: {{.Reason}}`,
	"goenv-hidden":          `hidden because the user env file sets {{.Var}} (line {{.Line}}), even if empty`,
	"goenv-duplicates":      `{{.Lines}} lines set {{.Var}}; the first one counts in go.env`,
	"empty-no-fallthrough":  `{{with .Prior}}{{.}}; {{end}}empty value: nothing falls through to go.env`,
	"empty-default-applies": `{{with .Prior}}{{.}}; {{end}}empty value, so the default applies`,
	"default-compiled":      `compiled into the go command`,
	"default-goprivate":     `follows GOPRIVATE`,
	"default-gopath":        `the go directory in your home`,
	"default-gopath-relative": `the go directory in your home would be the relative path {{printf "%q" .Path}}, ` +
		`so the go command leaves GOPATH unset`,
	"default-gomodcache": `pkg/mod under the first GOPATH element`,
	"default-goenv-only": `no compiled default: the real default comes from $GOROOT/go.env`,
	"goenv-os-off":       `off: no user env file is read`,
	"goenv-os-only":      `GOENV can only be set in the OS environment`,
	"goenv-no-default":   `{{.Reason}}`,
}

// textTemplates are the sentences core reports outside problems (see Text),
// named "<package>.<what>". Each prints only the arguments its producer
// always sets; optional ones inside {{if}} or {{with}}.
var textTemplates = map[string]string{
	// Steps and errors of a route explanation (core/private/route).
	"route.invalid-path":  `{{printf "%q" .Module}} is not a module path the go command can download: {{.Error}}`,
	"route.private":       `Private: matches GOPRIVATE pattern {{printf "%q" .Pattern}}.`,
	"route.proxy-fails":   `every download fails: {{.Error}}`,
	"route.proxy-invalid": `GOPROXY={{printf "%q" .Value}} is invalid, so every download fails: {{.Error}}.`,
	"route.noproxy-match": `Fetched directly from its origin: it matches GONOPROXY pattern {{printf "%q" .Pattern}}{{if .Follows}} (which follows GOPRIVATE){{end}}. ` +
		`The go command's implicit noproxy entry comes before every GOPROXY entry, and the proxies refuse this path, so it goes direct even with GOPROXY=off.`,
	"route.noproxy-no-match": `GONOPROXY={{printf "%q" .Value}} does not match, so the GOPROXY list applies.`,
	"route.source-proxy": `{{.N}}. Ask the proxy {{.URL}}. ` +
		`{{if eq .Fallback "not-found"}}If it answers 404 or 410, try the next entry (','); any other error stops the download.` +
		`{{else if eq .Fallback "any-error"}}If it fails in any way, try the next entry ('|').` +
		`{{else}}It is the last entry: if it fails, the download fails.{{end}}`,
	"route.source-direct":   `{{.N}}. Fetch directly from the module's origin ("direct"); the list ends here.`,
	"route.source-off":      `{{.N}}. "off": stop with "module lookup disabled by GOPROXY=off" (modules already in the module cache still work).`,
	"route.insecure-unused": `GOINSECURE pattern {{printf "%q" .Pattern}} matches, but has no effect: it only affects direct fetches, never proxies.`,
	"route.insecure": `Insecure: GOINSECURE pattern {{printf "%q" .Pattern}} matches, so the direct fetch may fall back to plain HTTP and skips certificate checks. ` +
		`Checksums are still verified as below.`,
	"route.govcs-invalid": `GOVCS is invalid, so every direct fetch fails: {{.Error}}.`,
	"route.govcs": `Direct fetch tools: {{if .Builtin}}the default rule{{else}}GOVCS rule{{end}} {{.Pattern}}:{{.Rule}} allows ` +
		`{{if eq .Kind "none"}}no tool: direct fetches fail{{else if eq .Kind "all"}}any version-control tool{{else}}{{with .Init}}{{.}} or {{end}}{{.Last}}{{end}}. ` +
		`The tool authenticates itself (git uses its credential helpers, such as gomirrorctl git-credential), not through GOAUTH.`,
	"route.sumdb-off":     `Not verified: GOSUMDB=off. Only go.sum protects it.`,
	"route.nosumdb-match": `Not verified by a checksum database: it matches GONOSUMDB pattern {{printf "%q" .Pattern}}{{if .Follows}} (which follows GOPRIVATE){{end}}. Only go.sum protects it.`,
	"route.sumdb-fails":   `Verification fails: {{.Error}}.`,
	"route.sumdb-explicit": `Verified by the checksum database {{.DB}} at its explicit URL {{.URL}}; no proxy is asked ` +
		`(skipped when go.sum already has the sums).`,
	"route.sumdb-via": `Verified by the checksum database {{.DB}}, reached through the first proxy that answers 200 to /sumdb/{{.DB}}/supported, else https://{{.DB}} ` +
		`(skipped when go.sum already has the sums).`,
	"route.goauth-off":     `GOAUTH=off: no credentials are sent.`,
	"route.goauth-git":     `GOAUTH runs "git credential fill" in {{.Dir}}; git's helpers may add credentials not shown here.`,
	"route.goauth-command": `GOAUTH runs {{.Command}}; it may add credentials not shown here.`,
	"route.credentials": `Credentials for {{.Prefix}} ` +
		`({{if eq .Method "helper"}}from the OS keyring, through the Go Mirror GOAUTH helper{{else}}from .netrc{{end}}) are sent to {{.URL}}.`,
	"route.replaced-local": `Not downloaded: replaced by the local directory {{.Dir}}.`,
	"route.replaced":       `Replaced by {{.Path}} {{.Version}}, which is fetched instead.`,

	// What each link of a GOPROXY chain does, and the GOSUMDB advice
	// (core/mirrors).
	"mirrors.never-used": `Never used: the list ends at {{.End}}.`,
	"mirrors.off":        `off: no download at all; only modules already in the module cache can be used. The list ends here.`,
	"mirrors.direct": `direct: fetch the module from its version-control host (needs git or another VCS tool, and access to that host); ` +
		`not checked by any mirror. The list ends here.`,
	"mirrors.last":          `{{.Name}} is the last entry: if it fails, the download fails.`,
	"mirrors.then-pipe":     `{{.Name}}, then "|": if it fails in any way (404/410, timeout, refused connection, 5xx), the go command tries {{.Next}}.`,
	"mirrors.then-comma":    `{{.Name}}, then ",": only if it answers 404 or 410 (it does not have the module) does the go command try {{.Next}}; any other failure (timeout, refused connection, 403, 5xx) stops the download with that error.`,
	"mirrors.sumdb-off":     `GOSUMDB=off is kept (checksum verification stays off).`,
	"mirrors.sumdb-own-url": `GOSUMDB={{.Value}} is kept: it names its own server, so the mirrors are not asked for it.`,
	"mirrors.sumdb-unknown": `Whether the mirrors proxy the checksum database {{.DB}} is unknown (not probed); GOSUMDB is kept.`,
	"mirrors.sumdb-proxied": `{{.Mirror}} proxies the checksum database {{.DB}}, so GOSUMDB={{.Value}} is kept.`,
	"mirrors.sumdb-china": `No mirror in the chain proxies the checksum database {{.DB}}, so the go command would contact it directly, which may be unreachable; ` +
		`GOSUMDB={{.Alias}} serves the same database from a reachable host.`,

	// Planned changes of shell startup files (core/origin/fix).
	"fix.whole-line": `Line {{.Line}} does more than set {{.Var}}; the change affects the whole line.`,
}
