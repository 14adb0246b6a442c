#!/usr/bin/env bash
# README "Trying approvals and WeChat Pay offline", runnable as is against a started kboss and a started fake
# (tools/Kboss.Fakes): ADMIN_PASSWORD=… bash docs/try-money.sh. Needs curl and jq. Every name it creates ends with a
# per-run suffix, so it runs again on the same database. TryMoneyTests runs it against a started app and fake.
# Step 4 buys a compute-centre product on a cluster imported from the fake's Kubernetes API (the fake's /_fake/env
# switches Cpcc:Features:ImportCluster on); step 5 settles that sale with its provider.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- try money ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
FAKE=${FAKE:-http://127.0.0.1:5090}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
ok() { jq -ec 'if .status then . else error("failed: \(.)") end'; }       # print a reply; stop on status:false
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id
post() { local token=$1 path=$2; shift 2; curl -s "$KBOSS$path" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "$1"; }                         # post TOKEN PATH JSON
eval "$(curl -sf $FAKE/_fake/env | grep FAKE_DD_)"                        # the fake DingTalk app's keys

# 1. the admin, an operator org with its operator ($OT), a customer org with its customer ($CT)
AT=$(curl -s $KBOSS/user/login.dspy --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD" \
  | val .data.token)
ORG=$(curl -s $KBOSS/user/add_org.dspy -H "Authorization: Bearer $AT" --data-urlencode "name=运营$RUN" \
  -d kind=operator | val .data.id)
curl -s $KBOSS/user/add_user.dspy -H "Authorization: Bearer $AT" -d "username=op$RUN" -d password=Operator-pass-1 \
  -d roles=operator -d "orgid=$ORG" | ok
OT=$(curl -s $KBOSS/user/login.dspy -d "username=op$RUN" -d password=Operator-pass-1 | val .data.token)
CUSTOMER_ORG=$(curl -s $KBOSS/user/add_org.dspy -H "Authorization: Bearer $OT" --data-urlencode "name=客户$RUN" \
  -d kind=customer | val .data.id)
curl -s $KBOSS/user/add_user.dspy -H "Authorization: Bearer $OT" -d "username=cu$RUN" -d password=Customer-pass-1 \
  -d roles=customer -d "orgid=$CUSTOMER_ORG" | ok
CT=$(curl -s $KBOSS/user/login.dspy -d "username=cu$RUN" -d password=Customer-pass-1 | val .data.token)

# 2. an approval agreed through the fake DingTalk; the business callback arrives once at the fake's receiver
#    (configure_org TOKEN ORGID BUSINESS_ID: the org's DingTalk app, sender and one approver level)
configure_org() {
  post $1 /apv/save_apv_key.dspy "{\"orgid\":\"$2\",\"send_dd_user_id\":\"dd_15938717631\",\"source\":\"dd\",
    \"app_key\":\"$FAKE_DD_APP_KEY\",\"app_secret\":\"$FAKE_DD_APP_SECRET\",\"http_aes_key\":\"$FAKE_DD_AES_KEY\",
    \"http_token\":\"$FAKE_DD_TOKEN\"}" | ok
  post $1 /apv/send_key_create.dspy "{\"orgid\":\"$2\",\"send_phone\":\"15938717631\",\"business_id\":\"$3\",
    \"process_code\":\"$FAKE_DD_FORM\",\"process_name\":\"通用审批\"}" | ok
  post $1 /apv/save_apv_flow.dspy "{\"orgid\":\"$2\",\"business_id\":\"$3\",\"flag\":\"update\",\"level_data\":
    [{\"level_id\":\"1\",\"level_mode\":\"NONE\",\"apv_dd_user_phone\":[\"13800000001\"]}]}" | ok
}
BUSINESS=$(post $AT /apv/apv_business.dspy "{\"business_name\":\"线下充值$RUN\",
  \"callback_url\":\"$FAKE/_fake/receiver/apv\",\"callback_secret\":\"try-money-secret-0123456789\"}" | val .data)
post $AT /apv/apv_template.dspy "{\"business_id\":\"$BUSINESS\",\"title_template\":\"线下充值\",
  \"detail_template\":\"充值金额:\$price\"}" | ok
configure_org $OT $ORG $BUSINESS
APV=$(post $OT /test/send_apv.dspy "{\"business_id\":\"$BUSINESS\",\"phone\":\"15938717631\",
  \"form_component\":{\"title\":{},\"detail\":{\"price\":\"10000\"}}}" | val .data)
curl -sf -X POST "$FAKE/_fake/dingtalk/instances/$APV/agree?orgid=$ORG" | jq -c .   # the approver agrees
for _ in $(seq 1 40); do   # the outbox dispatcher delivers within Jobs:ApprovalCallbacks:Cron (15 s by default)
  [ "$(curl -s $FAKE/_fake/receiver | jq --arg a "$APV" '[.[] | select(.body | contains($a))] | length')" = 1 ] \
    && break; sleep 1; done
curl -s $FAKE/_fake/receiver | jq -e --arg a "$APV" '[.[] | select(.body | contains($a))] | length == 1'

# 3. a WeChat Pay recharge of 12.34 元 paid at the fake; the balance rises once, even when WeChat notifies twice
NO=$(curl -s $KBOSS/customer/add_weixpay.dspy -H "Authorization: Bearer $CT" -d total=1234 \
  | val .data.recharge_logdict_id)
curl -sf -X POST $FAKE/_fake/wechat/orders/$NO/pay | jq -c .                        # the payer pays
curl -sf -X POST $FAKE/_fake/wechat/orders/$NO/pay | jq -c .                        # WeChat repeats the notify
curl -s -G $KBOSS/customer/get_weixinpaytype.dspy -H "Authorization: Bearer $CT" -d recharge_logdict_id=$NO | ok
curl -s $KBOSS/finance/balance_get.dspy -H "Authorization: Bearer $CT" | val '.data.balance == 12.34' | grep -qx true

# 4. the customer buys a compute-centre product: a centre of the operator's org, its running cluster imported by
#    kubeconfig (the fake's Kubernetes API), widgets with unit prices and stock on it, the centre made a provider with a
#    combination product; the customer sees the price, buys one hour from the balance, sees bill and balance; the
#    operator's revenue shows the sale
CPCID=$(curl -s $KBOSS/dev/cpcc/cpclist/add_cpclist.dspy -H "Authorization: Bearer $OT" \
  --data-urlencode "name=算力中心$RUN" -d pcapi_url=http://127.0.0.1:9 -d api_user=pcapi$RUN -d api_pwd=Pcapi-pass-1 \
  --data-urlencode contactname=李四 -d contactphone=13900000000 | val .data.id)
CLUSTER=$(curl -s $KBOSS/dev/cpcc/cpccluster/import_cluster.dspy -H "Authorization: Bearer $OT" -d cpcid=$CPCID \
  --data-urlencode "cluster_name=集群$RUN" --data-urlencode "kubeconfig=$(curl -sf $FAKE/_fake/kubernetes/kubeconfig)" \
  | val .data.id)
widget() {   # widget TYPE MODEL UNIT PRICE STOCK: a priced widget with stock on the cluster (元 per unit and hour)
  curl -s $KBOSS/dev/cpcc/cpcwidget/add_cpcwidget.dspy -H "Authorization: Bearer $OT" -d cpcid=$CPCID \
    -d clusterid=$CLUSTER -d type=$1 --data-urlencode "model=$2" --data-urlencode resource_unit=$3 -d unit_price=$4 \
    -d stock=$5 --data-urlencode charge_unit=小时 --data-urlencode account_unit=元 | ok >/dev/null
}
widget cpu STANDARD 核 1.5 64; widget memory STANDARD Gi 0.0004 1048576; widget disk SYS Gi 0.005 2000
widget disk DATA Gi 0.01 2000
PROVIDER=$(curl -s -G $KBOSS/provider/cpccProviderAdd.dspy -H "Authorization: Bearer $OT" -d orgcode=$CPCID \
  --data-urlencode "name=算网$RUN" | val .data.providerid)
BUNDLE='{"cpu":{"model":"STANDARD","num":2},"memory":{"model":"STANDARD","num":1},"disk":{"model":"SYS","num":20}}'
PRODUCT=$(curl -s -G $KBOSS/provider/cpcc_product_add.dspy -H "Authorization: Bearer $OT" -d reseller_orgid=$ORG \
  -d providerid=$PROVIDER -d product_type=combination --data-urlencode "spec_note=$BUNDLE" -d clusterid=$CLUSTER \
  | val .data.productid)
PRICE=$(curl -s -G $KBOSS/provider/cpcc_kehu_kan_chanpin.dspy -H "Authorization: Bearer $CT" -d duration=1 \
  --data-urlencode duration_unit=小时 -d clusterid=$CLUSTER | val ".data[] | select(.productid == \"$PRODUCT\") | .price")
echo "price of one hour: $PRICE"
BOUGHT=$(curl -s -G $KBOSS/provider/create_cpcc_instance.dspy -H "Authorization: Bearer $CT" -d clusterid=$CLUSTER \
  -d productid=$PRODUCT -d providerid=$PROVIDER -d amount=$PRICE -d duration=1 --data-urlencode duration_unit=小时 \
  -d source_name=try$RUN -d source_authuser=root -d source_authpasswd=Try-money-1 -d source_podengine=Deployment \
  -d source_replicasetnum=1 -d instance_type=LinuxOS -d pod_imagepath=docker.io/library/ubuntu:22.04 \
  -d source_memrate=512Mi -d source_cpurate=1000m -d source_selflabel=app:try$RUN -d source_gpu=0 \
  -d source_portmode=NodePort -d source_restartpolicy=Always -d source_apiport=22 -d source_insideport=22 \
  -d source_outsideport=30022 \
  -d source_mountpath=/mnt/data -d source_storagelimits=10Gi -d source_nodeselector=kubernetes.io/hostname=fake-node \
  -d cpu_model=STANDARD -d disk_sys_limit=20Gi -d idempotency_key=buy$RUN | val .data | jq -c .)
echo "bought: $BOUGHT"
curl -s $FAKE/_fake/kubernetes/objects | jq -c '[.[] | select(contains("/deployments/"))] | length'  # at the cluster
curl -s -G $KBOSS/kpi/user_get_bill.dspy -H "Authorization: Bearer $CT" -d user_orgid=$CUSTOMER_ORG \
  -d page_size=20 -d current_page=1 | val '.data.bill_list[] | {id, business_op, amount, productname}' | jq -c .
curl -s $KBOSS/finance/balance_get.dspy -H "Authorization: Bearer $CT" | val '"balance: \(.data.balance)"'
curl -s -G $KBOSS/kpi/revenue_analysis.dspy -H "Authorization: Bearer $OT" -d time=day | val '"revenue: \(.data.total)"'

# 5. a provider settlement of that sale through approval, and its Excel file
SETTLE=$(post $AT /apv/apv_business.dspy '{"business_name":"供应商结算统计"}' | val .data)
post $AT /apv/apv_template.dspy "{\"business_id\":\"$SETTLE\",\"title_template\":\"供应商结算:\$provider\",
  \"detail_template\":\"期间:\$period 账单数:\$bill_count 结算金额:\$settle_amount\"}" | ok
configure_org $OT $ORG $SETTLE
TODAY=$(TZ=Asia/Shanghai date +%F)
PERIOD="\"orgid\":\"$ORG\",\"provider_id\":\"$PROVIDER\",\"start_date\":\"2020-01-01\",\"end_date\":\"$TODAY\""
SENT=$(post $OT /provider_settle/send_apv.dspy "{$PERIOD,\"business_name\":\"供应商结算统计\",
  \"phone\":\"15938717631\"}" | val .data[0])
curl -sf -X POST "$FAKE/_fake/dingtalk/instances/$(jq -r .apv_id <<<"$SENT")/agree?orgid=$ORG" | jq -c .
for _ in $(seq 1 40); do   # bills settle_state 2 once the result is delivered in-process
  post $OT /provider_settle/get_settle_bill_list.dspy "{$PERIOD}" \
    | jq -e '.data.bill_list | length > 0 and all(.settle_state == "2")' >/dev/null && break; sleep 1; done
post $OT /provider_settle/get_settle_bill_list.dspy "{$PERIOD}" | val '.data | {bill_count, total_settle_amount}'
curl -sf $KBOSS/provider_settle/get_settle_bill_list_to_excel.dspy -H "Authorization: Bearer $OT" \
  -H 'Content-Type: application/json' -d "{$PERIOD}" -o "${OUT:-.}/settlement-$RUN.xlsx"
ls -l "${OUT:-.}/settlement-$RUN.xlsx"
echo "try money done"
# --- end ---
