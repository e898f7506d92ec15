package shell

import (
	"os/exec"
	"sync"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/gomirror/gomirror/core"
)

// jobs holds the job object of each running capture.
var jobs sync.Map // *exec.Cmd -> windows.Handle

// newGroup starts the shell with a console of its own that has no window:
// started from the GUI (which has no console) PowerShell would otherwise
// flash a console window for as long as the capture runs, and started from
// gomirrorctl it would share, and could change, the user's console (its
// code page, its title). joinGroup then puts it in a job object.
func newGroup(cmd *exec.Cmd) { core.HideConsole(cmd) }

// joinGroup puts the started shell in a new job object that kills its
// processes when closed, so that killGroup reaches the programs its
// profile starts. A child started before the assignment escapes the job.
func joinGroup(cmd *exec.Cmd) {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{}
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
	windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)))
	p, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(cmd.Process.Pid))
	if err == nil {
		err = windows.AssignProcessToJobObject(job, p)
		windows.CloseHandle(p)
	}
	if err != nil {
		windows.CloseHandle(job)
		return
	}
	jobs.Store(cmd, job)
}

// killGroup terminates every process of the shell's job, or the shell
// alone if it has none.
func killGroup(cmd *exec.Cmd) error {
	if job, ok := jobs.LoadAndDelete(cmd); ok {
		err := windows.TerminateJobObject(job.(windows.Handle), 1)
		windows.CloseHandle(job.(windows.Handle))
		return err
	}
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}
