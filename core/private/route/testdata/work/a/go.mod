module example.test/a

go 1.22

require (
	example.test/b v0.0.0
	git.corp.example.test/org/lib v1.2.0
)
