# kboss: install a Kubernetes control plane (P3 new_cluster). Idempotent: a second run on an installed machine
# skips kubeadm init and prints a fresh join command and the admin kubeconfig again.
preflight
prepare_node
export KUBECONFIG=/etc/kubernetes/admin.conf
if [ ! -f /etc/kubernetes/admin.conf ]; then
  progress 55 "kubeadm init"
  kubeadm init --pod-network-cidr="${KBOSS_POD_CIDR}"
else
  progress 55 "控制节点已初始化,跳过 kubeadm init"
fi
progress 75 "安装网络插件 flannel ${KBOSS_FLANNEL_VERSION}"
kubectl apply -f "https://github.com/flannel-io/flannel/releases/download/${KBOSS_FLANNEL_VERSION}/kube-flannel.yml"
progress 85 "等待控制节点就绪"
kubectl wait --for=condition=Ready node --all --timeout=300s
progress 95 "生成加入集群凭证"
join="$(kubeadm token create --print-join-command --ttl 0)"
echo "KBOSS-BEGIN-JOIN"
echo "${join}"
echo "KBOSS-END-JOIN"
echo "KBOSS-BEGIN-KUBECONFIG"
cat /etc/kubernetes/admin.conf
echo "KBOSS-END-KUBECONFIG"
progress 100 "控制节点安装完成"
