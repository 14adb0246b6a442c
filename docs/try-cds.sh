#!/usr/bin/env bash
# README "Trying Capital Online offline", runnable as is against a started kboss and a started fake
# (tools/Kboss.Fakes, which serves the fake Capital Online): ADMIN_PASSWORD=… bash docs/try-cds.sh. Needs curl and
# jq. Every name it creates ends with a per-run suffix, so it runs again on the same database. TryCdsTests runs it
# against a started app and fake.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- try cds ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
FAKE=${FAKE:-http://127.0.0.1:5090}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
ok() { jq -ec 'if .status then . else error("failed: \(.)") end'; }       # print a reply; stop on status:false
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id
get() { local token=$1 path=$2; shift 2; curl -s -G "$KBOSS$path" -H "Authorization: Bearer $token" "$@"; }
eval "$(curl -sf $FAKE/_fake/env | grep FAKE_CDS_)"                       # the fake CDS account's key

# 1. an operator org with its operator ($OT), a customer org with its customer ($CT)
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

# 2. the operator saves its Capital Online key; its endpoint is the fake (the secret comes back as ******)
curl -s $KBOSS/vendor/save_credential.dspy -H "Authorization: Bearer $OT" -d vendor=cds \
  -d "access_key_id=$FAKE_CDS_KEY_ID" -d "access_key_secret=$FAKE_CDS_SECRET" -d "endpoint=$FAKE" | ok

# 3. the customer recharges 100 元 through WeChat Pay, paid at the fake
NO=$(curl -s $KBOSS/customer/add_weixpay.dspy -H "Authorization: Bearer $CT" -d total=10000 \
  | val .data.recharge_logdict_id)
curl -sf -X POST $FAKE/_fake/wechat/orders/$NO/pay | jq -c .
curl -s $KBOSS/finance/balance_get.dspy -H "Authorization: Bearer $CT" | val '.data.balance == 100' | grep -qx true

# 4. a VPC with its first subnet, in zone CN_Beijing_A
VPC_REPLY=$(get $CT /capital/create_vpc.dspy -d RegionCode=CN_Beijing -d "VPCName=vpc$RUN" -d VPCSegment=10.15.0.0/16 \
  -d AvailableZoneCode=CN_Beijing_A -d "SubnetName=subnet$RUN" -d SubnetSegment=10.15.1.0/24)
VPC=$(val .data.VPCId <<<"$VPC_REPLY")
SUBNET=$(val '.data.SubnetIdList[0]' <<<"$VPC_REPLY")

# 5. an EIP of 1 Mbps BGP (paid: priced by CDS, charged once per idempotency_key)
EIP_REPLY=$(get $CT /capital/create_eip.dspy -d RegionCode=CN_Beijing -d AvailableZoneId=CN_Beijing_A \
  -d BandwidthType=BGP -d BillScheme=BandwIdth -d Qos=1 -d Size=1 -d "Description=eip$RUN" -d "idempotency_key=eip$RUN")
EIP=$(val '.data.Data[0].EIPId' <<<"$EIP_REPLY")
EIP_PRICE=$(val .data.amount <<<"$EIP_REPLY")

# 6. a security group with one rule (SSH in)
SG=$(get $CT /capital/ecs_create_security_group.dspy -d "SecurityGroupName=sg$RUN" -d RegionCode=CN_Beijing \
  | val .data.SecurityGroupId)
RULE='[{"Protocol":"TCP","Port":"22/22","Priority":1,"CidrBlock":"0.0.0.0/0","Status":true}]'
get $CT /capital/ecs_create_security_group_policies.dspy -d "SecurityGroupId=$SG" --data-urlencode "Ingress=$RULE" | ok

# 7. a GPU host with the EIP and the group: the price, then the order (charged once per idempotency_key)
get $CT /capital/ecs_family_info.dspy -d AvailableZoneCode=CN_Beijing_A | val '[.data.EcsFamilyInfo[].EcsFamilyName]'
HOST_SPEC=(-d AvailableZoneCode=CN_Beijing_A --data-urlencode EcsFamilyName=GPU计算型G7 -d Cpu=8 -d Ram=32 -d Gpu=1
  -d Number=1 -d BillingMethod=0)
DISK='{"DiskFeature":"ssd","Size":50}'
PRICE=$(get $CT /capital/get_ecs_price.dspy "${HOST_SPEC[@]}" --data-urlencode "SystemDiskInfo=$DISK" | val .data.price)
HOST=$(get $CT /capital/create_ecs.dspy "${HOST_SPEC[@]}" --data-urlencode "SystemDisk=$DISK" \
  --data-urlencode 'DataDisk=[]' --data-urlencode "VpcInfo={\"VpcId\":\"$VPC\"}" \
  --data-urlencode "SubnetInfo={\"SubnetId\":\"$SUBNET\"}" -d ImageId=img-ubuntu2204 -d "Name=gpu$RUN" \
  --data-urlencode "PubnetInfo=[{\"SubnetId\":\"$SUBNET\",\"EipIds\":[\"$EIP\"]}]" \
  --data-urlencode "SecurityGroups=[{\"SecurityGroupId\":\"$SG\"}]" \
  --data-urlencode 'Password=Try-cds-2026' -d "amount=$PRICE" -d "idempotency_key=gpu$RUN" | val '.data.EcsIdSet[0]')
for _ in $(seq 1 10); do   # CDS builds the host asynchronously: building → running
  STATUS=$(get $CT /capital/get_ecs_status.dspy --data-urlencode "EcsIds=[\"$HOST\"]" \
    | val ".data.EcsStatus[\"$HOST\"].Status")
  [ "$STATUS" = running ] && break; sleep 1; done
[ "$STATUS" = running ]
get $CT /capital/ecs_list.dspy | val '.data.EcsList[] | {EcsId, EcsName, Status, Gpu: .GpuSize}'

# 8. the bills (the recharge, one BUY bill each for the EIP and the host) and the balance: 100 − both
get $CT /kpi/user_get_bill.dspy -d "user_orgid=$CUSTOMER_ORG" -d page_size=10 -d current_page=1 \
  | val '[.data.bill_list[] | {business_op, amount, bill_date}]'
get $CT /kpi/user_get_bill.dspy -d "user_orgid=$CUSTOMER_ORG" -d page_size=10 -d current_page=1 \
  | val "[.data.bill_list[] | select(.business_op == \"BUY\") | .amount] | length == 2
      and (add * 100 | round) == (($EIP_PRICE + $PRICE) * 100 | round)" | grep -qx true
get $CT /finance/balance_get.dspy \
  | val "(.data.balance * 100 | round) == ((100 - $EIP_PRICE - $PRICE) * 100 | round)" | grep -qx true

# 9. the host is deleted
get $CT /capital/delete_ecs.dspy --data-urlencode "EcsIds=[\"$HOST\"]" | ok
get $CT /capital/ecs_list.dspy | val '.data.TotalCount == 0' | grep -qx true
echo "try cds done"
# --- end ---
