#!/usr/bin/env bash
# README "First hour", runnable as is against a started server: ADMIN_PASSWORD=… bash docs/first-hour.sh
# Needs curl and jq (apt-get install -y curl jq). Every name it creates ends with a per-run suffix, so it runs again
# on the same database. README shows the part between the marker lines verbatim (FirstHourTests checks that, and
# runs this script twice against a started app). Pasted into a shell, that part leaves OT, CT, … set there.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- first hour ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
ok() { jq -ec 'if .status then . else error("failed: \(.)") end'; }       # print a reply; stop on status:false
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id

# 1. the admin's token: the password printed in the log on first start (or your Bootstrap:AdminPassword)
AT=$(curl -s $KBOSS/user/login.dspy --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD" \
  | val .data.token)

# 2. the admin creates an operator org and its operator; the operator logs in ($OT)
OPERATOR_ORG=$(curl -s $KBOSS/user/add_org.dspy -H "Authorization: Bearer $AT" \
  --data-urlencode "name=运营$RUN" -d kind=operator | val .data.id)
curl -s $KBOSS/user/add_user.dspy -H "Authorization: Bearer $AT" -d "username=op$RUN" -d password=Operator-pass-1 \
  -d roles=operator -d "orgid=$OPERATOR_ORG" | ok
OT=$(curl -s $KBOSS/user/login.dspy -d "username=op$RUN" -d password=Operator-pass-1 | val .data.token)

# 3. the operator creates a customer org (owned by the operator's org) and its customer; the customer logs in ($CT)
CUSTOMER_ORG=$(curl -s $KBOSS/user/add_org.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode "name=客户$RUN" -d kind=customer | val .data.id)
curl -s $KBOSS/user/add_user.dspy -H "Authorization: Bearer $OT" -d "username=cu$RUN" -d password=Customer-pass-1 \
  -d roles=customer -d "orgid=$CUSTOMER_ORG" | ok
CT=$(curl -s $KBOSS/user/login.dspy -d "username=cu$RUN" -d password=Customer-pass-1 | val .data.token)
curl -s $KBOSS/user/current_user.dspy -H "Authorization: Bearer $CT" | ok   # owner_orgid: the operator's org

# 4. supply–demand square: the operator's site and category, the customer's demand (pending), the operator approves
SITE=https://square$RUN.example.cn
CAT=$(curl -s -G $KBOSS/product/product_category_add.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode product_category=GPU服务器 --data-urlencode url_link=$SITE | val .data.id)
ITEM_ID=$(curl -s -G $KBOSS/product/publish_product_add.dspy -H "Authorization: Bearer $CT" \
  --data-urlencode url_link=$SITE --data-urlencode publish_type=2 --data-urlencode product_name=求购A100算力 \
  --data-urlencode "product_category=[\"$CAT\"]" --data-urlencode company_name=某科技 \
  --data-urlencode contact_person=张三 --data-urlencode phone_number=13800000000 --data-urlencode email=a@b.cn \
  | val .data.id)
curl -s -G $KBOSS/product/publish_product_update.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode id=$ITEM_ID --data-urlencode audit_status=approved | ok
curl -s -G $KBOSS/product/publish_product_search_first_page.dspy --data-urlencode url_link=$SITE \
  --data-urlencode to_page=square | ok | jq -e --arg id $ITEM_ID 'any(.data.rows[]; .id == $id)'  # true: listed
curl -s -G $KBOSS/product/global_search.dspy --data-urlencode url_link=$SITE --data-urlencode keyword=A100 \
  --data-urlencode publish_type=2 --data-urlencode display_page=list --data-urlencode current_page=1 \
  --data-urlencode page_size=8 | ok

# 5. a centre of the operator's org, a machine (device) in it, and a cluster on that machine (a long operation).
#    SSH_HOST/SSH_PORT/SSH_USER/SSH_PASSWORD name a machine kboss may install (Ubuntu 22.04, root or sudo, internet);
#    with the defaults (no such machine) the operation ends "failed" within seconds, its log saying why.
CPCID=$(curl -s $KBOSS/dev/cpcc/cpclist/add_cpclist.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode "name=算力中心$RUN" -d pcapi_url=http://127.0.0.1:9 -d api_user=pcapi$RUN -d api_pwd=Pcapi-pass-1 \
  --data-urlencode contactname=李四 -d contactphone=13900000000 \
  | val .data.id)
DEVICE_ID=$(curl -s $KBOSS/dev/cpcc/cpcnode/add_cpcnode.dspy -H "Authorization: Bearer $OT" \
  -d cpcid=$CPCID -d "ip=${SSH_HOST:-127.0.0.1}" --data-urlencode name=控制节点 -d devicetype=0 \
  -d "sshport=${SSH_PORT:-22}" -d "adminuser=${SSH_USER:-root}" --data-urlencode "adminpwd=${SSH_PASSWORD:-none}" \
  -d node_status=0 -d cpu_model=STANDARD -d cpu_stock=4 -d memory_model=STANDARD -d memory_stock=16 \
  -d sysdisk_stock=100 -d datadisk_stock=0 -d gpu_model=STANDARD -d gpu_stock=0 | val .data.id)
curl -s -G $KBOSS/dev/cpcc/cpcnode/get_cpcidle_device.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode cpcid=$CPCID | ok                                            # the device is idle
OPERATION_ID=$(curl -s $KBOSS/dev/cpcc/cpccluster/new_cluster.dspy -H "Authorization: Bearer $OT" \
  -d cpcid=$CPCID -d ctl_nodeid=$DEVICE_ID -d cluster_type=0 --data-urlencode cluster_name=测试集群$RUN \
  -d enable_date=2026-12-01 -d export_date=2027-12-01 | val .data.operation_id)
until curl -s -G $KBOSS/dev/cpcc/cpccluster/get_cluster_operation.dspy -H "Authorization: Bearer $OT" \
    --data-urlencode id=$OPERATION_ID | jq -e '.data.status != "running"' >/dev/null; do sleep 1; done
curl -s -G $KBOSS/dev/cpcc/cpccluster/get_cluster_operation.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode id=$OPERATION_ID | jq -c '.data | {status, progress, msg, device_id, clusterid}'
echo "first hour done"
# --- end of first hour ---
