module example.test/b

go 1.22

require git.corp.example.test/org/lib v1.2.0
