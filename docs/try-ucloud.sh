#!/usr/bin/env bash
# README "Trying UCloud offline", runnable as is against a started kboss and a started fake (tools/Kboss.Fakes):
# ADMIN_PASSWORD=… bash docs/try-ucloud.sh. Needs curl and jq. Every name it creates ends with a per-run suffix, so it
# runs again on the same database. TryUCloudTests runs it against a started app and fake.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- try ucloud ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
FAKE=${FAKE:-http://127.0.0.1:5090}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
ok() { jq -ec 'if .status then . else error("failed: \(.)") end'; }       # print a reply; stop on status:false
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id
get() { local token=$1 path=$2; shift 2; curl -s -G "$KBOSS$path" -H "Authorization: Bearer $token" "$@"; }
eval "$(curl -sf $FAKE/_fake/env | grep FAKE_UCLOUD_)"                    # the fake UCloud's endpoint and keys

# 1. the admin, an operator org with its operator ($OT), a customer org with its customer ($CT)
AT=$(curl -s $KBOSS/user/login.dspy --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD" \
  | val .data.token)
ORG=$(curl -s $KBOSS/user/add_org.dspy -H "Authorization: Bearer $AT" --data-urlencode "name=运营$RUN" \
  -d kind=operator | val .data.id)
curl -s $KBOSS/user/add_user.dspy -H "Authorization: Bearer $AT" -d "username=uop$RUN" -d password=Operator-pass-1 \
  -d roles=operator -d "orgid=$ORG" | ok
OT=$(curl -s $KBOSS/user/login.dspy -d "username=uop$RUN" -d password=Operator-pass-1 | val .data.token)
CUSTOMER_ORG=$(curl -s $KBOSS/user/add_org.dspy -H "Authorization: Bearer $OT" --data-urlencode "name=客户$RUN" \
  -d kind=customer | val .data.id)
curl -s $KBOSS/user/add_user.dspy -H "Authorization: Bearer $OT" -d "username=ucu$RUN" -d password=Customer-pass-1 \
  -d roles=customer -d "orgid=$CUSTOMER_ORG" | ok
CT=$(curl -s $KBOSS/user/login.dspy -d "username=ucu$RUN" -d password=Customer-pass-1 | val .data.token)

# 2. the operator saves its UCloud key (PublicKey / private key), pointing at the fake; the customer's org is synced
curl -s $KBOSS/vendor/save_credential.dspy -H "Authorization: Bearer $OT" -d vendor=ucloud \
  -d "access_key_id=$FAKE_UCLOUD_PUBLIC_KEY" -d "access_key_secret=$FAKE_UCLOUD_PRIVATE_KEY" \
  -d "endpoint=$FAKE_UCLOUD_ENDPOINT" | ok
get $OT /ucloud/ucloud_create_user.dspy -d "orgid=$CUSTOMER_ORG" | ok

# 3. the customer recharges 500 元 with WeChat Pay, paid at the fake
NO=$(curl -s $KBOSS/customer/add_weixpay.dspy -H "Authorization: Bearer $CT" -d total=50000 \
  | val .data.recharge_logdict_id)
curl -sf -X POST $FAKE/_fake/wechat/orders/$NO/pay | jq -c .
get $CT /finance/balance_get.dspy | val '.data.balance == 500' | grep -qx true

# 4. a firewall, then a host in it: priced by kboss (GetUHostInstancePrice → the customer's price), paid once
FW=$(curl -s $KBOSS/ucloud/create_firewall.dspy -H "Authorization: Bearer $CT" -d region=cn-bj2 \
  -d "name=fw$RUN" --data-urlencode 'rule=["TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh"]' | val .data.FWId)
HOST=(-d Region=cn-bj2 -d Zone=cn-bj2-02 -d ImageId=uimage-centos -d CPU=2 -d Memory=4096 -d ChargeType=Month
  -d Quantity=1 --data-urlencode 'Disks=[{"IsBoot":"True","Type":"CLOUD_SSD","Size":40}]' -d "Name=host$RUN"
  -d Password=Host-pass-123 -d "SecurityGroupId=$FW")
PRICE=$(get $CT /ucloud/get_uhost_instance_price.dspy "${HOST[@]}" | val '.data.PriceSet[0].Price')
echo "host price: $PRICE"
UHOST=$(curl -s $KBOSS/ucloud/create_uhost_instance.dspy -H "Authorization: Bearer $CT" "${HOST[@]}" \
  -d "amount=$PRICE" -d "idempotency_key=host$RUN" | val '.data.UHostIds[0]')
curl -s $KBOSS/ucloud/create_uhost_instance.dspy -H "Authorization: Bearer $CT" "${HOST[@]}" \
  -d "amount=$PRICE" -d "idempotency_key=host$RUN" | val '.data.UHostIds[0]' | grep -qx "$UHOST"  # a retry: no 2nd

# 5. an EIP (GetEIPPrice → the customer's price), paid once and bound to the host
EIP=(-d Region=cn-bj2 -d OperatorName=Bgp -d Bandwidth=2 -d ChargeType=Month -d Quantity=1 -d "Name=eip$RUN")
EIP_PRICE=$(get $CT /ucloud/get_eip_price.dspy "${EIP[@]}" | val '.data.PriceSet[0].Price')
EIPID=$(get $CT /ucloud/allocate_eip.dspy "${EIP[@]}" -d "amount=$EIP_PRICE" -d "idempotency_key=eip$RUN" \
  | val '.data.EIPSet[0].EIPId')
get $CT /ucloud/bind_eip.dspy -d Region=cn-bj2 -d "EIPId=$EIPID" -d ResourceType=uhost -d "ResourceId=$UHOST" | ok
get $CT /ucloud/describe_uhost_instance.dspy -d region=cn-bj2 | jq -c '.data.UHostSet[] | {UHostId, State, IPSet}'

# 6. three bills: the recharge and one BUY each for the host and the EIP; the balance down by the two BUYs, once each
get $CT /kpi/user_get_bill.dspy -d "user_orgid=$CUSTOMER_ORG" -d page_size=20 -d current_page=1 \
  | val '"bills: \([.data.bill_list[].business_op] | sort | join(","))"'
BALANCE=$(get $CT /finance/balance_get.dspy | val .data.balance)
echo "balance: $BALANCE"
jq -en --argjson b "$BALANCE" --argjson p "$PRICE" --argjson e "$EIP_PRICE" '$b == 500 - $p - $e' >/dev/null
echo "try ucloud done"
# --- end ---
