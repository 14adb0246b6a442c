# kboss: on the control plane, delete the node whose InternalIP is KBOSS_NODE_IP (P7 delete_cluster_node).
# Drains first (KBOSS_FORCE=1: evicts with --force --grace-period=0). Idempotent: an unknown node is already gone.
[ "$(id -u)" -eq 0 ] || fail "预检失败: 需要 root 权限(当前用户 $(id -un))"
[ -f /etc/kubernetes/admin.conf ] || fail "控制节点上没有 /etc/kubernetes/admin.conf,集群可能未安装"
export KUBECONFIG=/etc/kubernetes/admin.conf
progress 20 "查找节点 ${KBOSS_NODE_IP}"
node="$(kubectl get nodes -o jsonpath="{range .items[*]}{.metadata.name}{' '}{.status.addresses[?(@.type=='InternalIP')].address}{'\n'}{end}" | awk -v ip="${KBOSS_NODE_IP}" '$2 == ip {print $1; exit}')"
if [ -z "${node}" ]; then
  progress 60 "集群中没有 IP 为 ${KBOSS_NODE_IP} 的节点,无需删除"
  exit 0
fi
progress 40 "驱逐节点 ${node} 上的实例"
kubectl cordon "${node}"
if [ "${KBOSS_FORCE:-0}" = "1" ]; then
  kubectl drain "${node}" --ignore-daemonsets --delete-emptydir-data --force --grace-period=0 --timeout=120s || true
else
  kubectl drain "${node}" --ignore-daemonsets --delete-emptydir-data --timeout=120s
fi
progress 60 "删除节点 ${node}"
kubectl delete node "${node}" --ignore-not-found
