# Seals the Procura appliance image: boots the base disk made from the debootstrap root file
# system (appliance/test/chroot-build.sh + boot-test.sh), runs the same playbook over SSH as a
# live machine, removes per-machine state, and writes a qcow2 and an OVA.
# Packer 1.6.6 (Debian package): plain HCL2, no required_plugins, no packer init.

variable "debian_mirror" {
  type        = string
  description = "Debian mirror URL written into the image's APT sources, read from the build host's apt sources."
  validation {
    condition     = substr(var.debian_mirror, 0, 7) == "http://" || substr(var.debian_mirror, 0, 8) == "https://"
    error_message = "The debian_mirror value must be an http:// or https:// URL."
  }
}

variable "debian_security_mirror" {
  type        = string
  description = "Debian security mirror URL for the image's APT sources; empty leaves security sources out."
  default     = ""
  validation {
    condition     = var.debian_security_mirror == "" || substr(var.debian_security_mirror, 0, 4) == "http"
    error_message = "The debian_security_mirror value must be empty or an http(s) URL."
  }
}

variable "accelerator" {
  type        = string
  description = "QEMU accelerator: kvm where the host has VT-x/AMD-V, tcg (emulation) elsewhere."
  validation {
    condition     = contains(["kvm", "tcg"], var.accelerator)
    error_message = "The accelerator value must be kvm or tcg."
  }
}

variable "base_image" {
  type        = string
  description = "Base qcow2 disk built from the debootstrap root file system."
}

variable "base_image_checksum" {
  type        = string
  description = "Checksum of base_image as sha256:<hex>, printed by boot-test.sh --keep-image."
  validation {
    condition     = substr(var.base_image_checksum, 0, 7) == "sha256:" && length(var.base_image_checksum) == 71
    error_message = "The base_image_checksum value must be sha256: followed by 64 hex digits."
  }
}

variable "build_ssh_user" {
  type        = string
  description = "Temporary build account in the base image; seal.sh removes it."
  default     = "procura-build"
}

variable "build_ssh_private_key" {
  type        = string
  description = "Private key of the temporary build account."
}

variable "procura_jar" {
  type        = string
  description = "Path of procura.jar to install."
}

variable "procura_version" {
  type        = string
  description = "Version of procura.jar; names /opt/procura/releases/<version>."
}

variable "upgrade_jar" {
  type        = string
  description = "Path of procura-upgrade.jar (the upgrade manager) to install."
}

variable "upgrade_trust_root" {
  type        = string
  description = "The channel repository's root.json (procura-release init-repo): the image's trust root."
}

variable "upgrade_repository" {
  type        = string
  description = "Channel repository URL (or folder) the image follows; empty: offline bundles only."
  default     = ""
}

variable "disk_size" {
  type        = string
  description = "Size of the image's virtual disk."
  default     = "8G"
}

variable "memory" {
  type        = number
  description = "Build VM memory in MiB."
  default     = 2048
}

variable "cpus" {
  type        = number
  description = "Build VM CPU count."
  default     = 2
}

variable "output_directory" {
  type        = string
  description = "Directory that receives procura.qcow2 and procura.ova."
  default     = "output"
}

variable "boot_wait_timeout" {
  type        = string
  description = "How long to wait for SSH; emulation (tcg) needs several minutes."
  default     = "15m"
}

source "qemu" "procura" {
  iso_url          = var.base_image
  iso_checksum     = var.base_image_checksum
  disk_image       = true
  use_backing_file = false
  disk_size        = var.disk_size
  disk_interface   = "virtio"
  format           = "qcow2"
  disk_compression = true
  # TCG through -accel (below): Packer's -machine accel=tcg cannot ask for one translation thread.
  accelerator      = var.accelerator == "tcg" ? "none" : var.accelerator
  headless         = true
  memory           = var.memory
  cpus             = var.cpus
  output_directory = var.output_directory
  vm_name          = "procura.qcow2"

  # The guest gets no route to anything (restrict=on); only the SSH forward, bound to loopback.
  # Under TCG one translation thread: with multi-threaded TCG the guest's JVM crashed in JIT code
  # that HotSpot had just patched on another vCPU (an emulator race; see appliance/test/lib.sh).
  qemuargs = concat([
    ["-netdev", "user,id=user.0,restrict=on,hostfwd=tcp:127.0.0.1:{{ .SSHHostPort }}-:22"],
    ["-device", "virtio-net,netdev=user.0"],
    ["-serial", "file:${var.output_directory}-serial.log"],
  ], var.accelerator == "tcg" ? [["-accel", "tcg,thread=single"]] : [])

  communicator         = "ssh"
  ssh_host             = "127.0.0.1"
  ssh_username         = var.build_ssh_user
  ssh_private_key_file = var.build_ssh_private_key
  ssh_timeout          = var.boot_wait_timeout
  # The build account goes last: seal.sh runs through its sudo, and so does this command.
  shutdown_command = "sudo sh -c 'rm -f /etc/sudoers.d/${var.build_ssh_user} && userdel --force --remove ${var.build_ssh_user}; systemctl poweroff'"
}

build {
  sources = ["source.qemu.procura"]

  provisioner "ansible" {
    playbook_file = "${path.root}/../ansible/site.yml"
    groups        = ["procura_appliance"]
    use_proxy     = false
    user          = var.build_ssh_user
    extra_arguments = [
      "--become",
      "--extra-vars", "procura_image_build=true",
      "--extra-vars", "base_network_dhcp_enabled=true",
      "--extra-vars", "base_hostname=procura",
      "--extra-vars", "procura_jar_path=${var.procura_jar}",
      "--extra-vars", "procura_version=${var.procura_version}",
      "--extra-vars", "procura_upgrade_jar_path=${var.upgrade_jar}",
      "--extra-vars", "procura_upgrade_trust_root_path=${var.upgrade_trust_root}",
      "--extra-vars", "procura_upgrade_repository=${var.upgrade_repository}",
      "--extra-vars", "base_apt_mirror=${var.debian_mirror}",
      "--extra-vars", "base_apt_security_mirror=${var.debian_security_mirror}",
    ]
    ansible_env_vars = [
      "ANSIBLE_CONFIG=${path.root}/../ansible/ansible.cfg",
      "ANSIBLE_ROLES_PATH=${path.root}/../ansible/roles",
    ]
  }

  provisioner "shell" {
    execute_command = "sudo sh -eux '{{ .Path }}'"
    script          = "${path.root}/scripts/seal.sh"
    environment_vars = [
      "BUILD_USER=",
    ]
  }

  post-processor "shell-local" {
    inline = [
      "sh -eux ${path.root}/scripts/make-ova.sh ${var.output_directory}/procura.qcow2 ${var.output_directory}/procura.ova ${var.procura_version}",
    ]
  }
}
