# kboss: install a worker and join it (P4 new_worker). Needs KBOSS_JOIN_COMMAND ("kubeadm join …").
# Idempotent: a machine that already joined a cluster is left as is.
case "${KBOSS_JOIN_COMMAND:-}" in
  "kubeadm join "*) ;;
  *) fail "加入集群凭证无效: 必须是 kubeadm join 命令" ;;
esac
preflight
prepare_node
if [ -f /etc/kubernetes/kubelet.conf ]; then
  progress 90 "本机已加入集群,跳过 kubeadm join"
else
  progress 70 "kubeadm join"
  # word-split on purpose (no eval): only the kubeadm arguments of the stored command are run
  # shellcheck disable=SC2086
  ${KBOSS_JOIN_COMMAND}
fi
echo "KBOSS-BEGIN-NODENAME"
hostname
echo "KBOSS-END-NODENAME"
progress 100 "工作节点已加入集群"
