# kboss provisioning: shared functions and the preflight (prepended to every script; runs as root).
# Output protocol read by the adapter (SshClusterProvisioner):
#   KBOSS-PROGRESS <percent> <text>   progress for the operation
#   KBOSS-ERROR <text>                why the run failed (the last one is shown to the operator)
#   KBOSS-BEGIN-<NAME> … KBOSS-END-<NAME>   a result block (JOIN, KUBECONFIG, NODENAME); never written to the log
set -Eeuo pipefail
export DEBIAN_FRONTEND=noninteractive
export LC_ALL=C
KBOSS_K8S_MINOR="${KBOSS_K8S_MINOR:-v1.30}"
KBOSS_POD_CIDR="${KBOSS_POD_CIDR:-10.244.0.0/16}"
KBOSS_FLANNEL_VERSION="${KBOSS_FLANNEL_VERSION:-v0.25.7}"

progress() { echo "KBOSS-PROGRESS $1 $2"; }
fail() { echo "KBOSS-ERROR $*"; exit 1; }
trap 'rc=$?; echo "KBOSS-ERROR 第 ${LINENO} 行的命令失败 (退出码 ${rc}): ${BASH_COMMAND}"; exit $rc' ERR

# Fails fast, with a message a person can act on, when this machine can't host a Kubernetes node.
preflight() {
  progress 2 "预检: 检查机器是否可安装"
  [ "$(id -u)" -eq 0 ] || fail "预检失败: 需要 root 权限(当前用户 $(id -un))"
  [ -r /etc/os-release ] || fail "预检失败: 无法识别操作系统(缺少 /etc/os-release),需要 Ubuntu 22.04"
  . /etc/os-release
  case "${ID:-}" in
    ubuntu|debian) ;;
    *) fail "预检失败: 不支持的操作系统 ${PRETTY_NAME:-unknown},需要 Ubuntu 22.04 (或 Debian)" ;;
  esac
  command -v apt-get >/dev/null 2>&1 || fail "预检失败: 没有 apt-get,无法安装软件包"
  command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ] || fail "预检失败: 系统未以 systemd 运行,kubelet 需要 systemd"
  local cpus mem_mb arch
  cpus="$(nproc)"
  [ "$cpus" -ge 2 ] || fail "预检失败: CPU 不足(${cpus} 核),Kubernetes 节点至少需要 2 核"
  mem_mb="$(awk '/^MemTotal:/ {print int($2/1024)}' /proc/meminfo)"
  [ "$mem_mb" -ge 1700 ] || fail "预检失败: 内存不足(${mem_mb} MiB),至少需要 2 GiB"
  arch="$(dpkg --print-architecture)"
  case "$arch" in amd64|arm64) ;; *) fail "预检失败: 不支持的 CPU 架构 ${arch}" ;; esac
  echo "预检通过: ${PRETTY_NAME}, ${cpus} 核, ${mem_mb} MiB, ${arch}"
}

# swap off, kernel modules, sysctl, containerd and kubeadm/kubelet/kubectl from the Kubernetes apt repository.
prepare_node() {
  progress 10 "关闭 swap,配置内核模块和 sysctl"
  swapoff -a
  sed -ri '/^[^#].*\sswap\s/ s/^/#/' /etc/fstab
  printf 'overlay\nbr_netfilter\n' > /etc/modules-load.d/k8s.conf
  modprobe overlay
  modprobe br_netfilter
  printf 'net.bridge.bridge-nf-call-iptables = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward = 1\n' > /etc/sysctl.d/99-kubernetes.conf
  sysctl --system >/dev/null

  progress 20 "安装 containerd"
  apt-get update -q
  apt-get install -y -q ca-certificates curl gpg apt-transport-https containerd
  mkdir -p /etc/containerd
  if ! grep -q 'SystemdCgroup = true' /etc/containerd/config.toml 2>/dev/null; then
    containerd config default > /etc/containerd/config.toml
    sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
  fi
  systemctl enable containerd >/dev/null 2>&1
  systemctl restart containerd

  progress 35 "安装 kubeadm/kubelet/kubectl ${KBOSS_K8S_MINOR}"
  install -d -m 0755 /etc/apt/keyrings
  if [ ! -s /etc/apt/keyrings/kubernetes-apt-keyring.gpg ]; then
    curl -fsSL "https://pkgs.k8s.io/core:/stable:/${KBOSS_K8S_MINOR}/deb/Release.key" | gpg --dearmor --yes -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
  fi
  echo "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/${KBOSS_K8S_MINOR}/deb/ /" > /etc/apt/sources.list.d/kubernetes.list
  apt-get update -q
  apt-get install -y -q kubelet kubeadm kubectl
  apt-mark hold kubelet kubeadm kubectl >/dev/null
  systemctl enable --now kubelet >/dev/null 2>&1
}
