# Build host without hardware virtualisation (CI runners, nested VMs): pure emulation, slow.
accelerator       = "tcg"
memory            = 2048
cpus              = 2
boot_wait_timeout = "30m"
