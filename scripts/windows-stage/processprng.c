/* processprng.c is bcryptprimitives.dll for Wine 8.0, which lacks it: Go >= 1.22
 * programs import ProcessPrng from it at start-up. It forwards to BCryptGenRandom
 * with the system's preferred generator, which is what ProcessPrng returns on Windows.
 * Built with mingw-w64 by scripts/windows-stage.sh; used only in the stage's Wine prefix. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
