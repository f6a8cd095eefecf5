# Build host with hardware virtualisation (/dev/kvm usable).
accelerator       = "kvm"
memory            = 2048
cpus              = 2
boot_wait_timeout = "10m"
