# kboss: reset a machine that was a Kubernetes node so it can be installed again (kubeadm reset). Idempotent.
[ "$(id -u)" -eq 0 ] || fail "预检失败: 需要 root 权限(当前用户 $(id -un))"
progress 70 "kubeadm reset"
if command -v kubeadm >/dev/null 2>&1; then
  kubeadm reset -f
fi
rm -rf /etc/cni/net.d /var/lib/cni /root/.kube /etc/kubernetes/admin.conf /etc/kubernetes/kubelet.conf
for link in cni0 flannel.1; do ip link delete "${link}" 2>/dev/null || true; done
if command -v iptables >/dev/null 2>&1; then iptables -F && iptables -t nat -F && iptables -t mangle -F && iptables -X || true; fi
progress 100 "节点已重置"
