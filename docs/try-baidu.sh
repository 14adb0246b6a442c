#!/usr/bin/env bash
# README "Trying Baidu Cloud offline", runnable as is against a started kboss and a started fake (tools/Kboss.Fakes):
# ADMIN_PASSWORD=… bash docs/try-baidu.sh. Needs curl and jq. Every name it creates ends with a per-run suffix, so it
# runs again on the same database. TryBaiduTests runs it against a started app and fake.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- try baidu ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
FAKE=${FAKE:-http://127.0.0.1:5090}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
ok() { jq -ec 'if .status then . else error("failed: \(.)") end'; }       # print a reply; stop on status:false
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id
get() { local token=$1 path=$2; shift 2; curl -s -G "$KBOSS$path" -H "Authorization: Bearer $token" "$@"; }
balance() { get $CT /finance/balance_get.dspy | val .data.balance; }
entries() { get $CT /finance/ledger_list.dspy -d page_size=100 | val '[.data.rows[].kind] | sort | join(",")'; }
eval "$(curl -sf $FAKE/_fake/env | grep FAKE_BAIDU_)"                     # the fake Baidu's AK/SK

# 1. the admin, an operator org with its operator ($OT), a customer org with its customer ($CT, user $CU)
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
CU=$(get $CT /user/current_user.dspy | val .data.userid)

# 2. the operator stores its Baidu key (the endpoint is the fake) and opens a Baidu sub-account for the customer
curl -s $KBOSS/vendor/save_credential.dspy -H "Authorization: Bearer $OT" -d vendor=baidu \
  -d "access_key_id=$FAKE_BAIDU_AK" -d "access_key_secret=$FAKE_BAIDU_SK" -d "endpoint=$FAKE" | ok
BD=$(curl -s $KBOSS/v1/vs/account -H "Authorization: Bearer $OT" -d "name=kboss$RUN" -d "userid=$CU" \
  | val .data.account_id)

# 3. the customer recharges 100 元 with WeChat Pay at the fake (WeChat notifies twice; credited once)
NO=$(curl -s $KBOSS/customer/add_weixpay.dspy -H "Authorization: Bearer $CT" -d total=10000 \
  | val .data.recharge_logdict_id)
curl -sf -X POST $FAKE/_fake/wechat/orders/$NO/pay >/dev/null
curl -sf -X POST $FAKE/_fake/wechat/orders/$NO/pay >/dev/null
get $CT /customer/get_weixinpaytype.dspy -d recharge_logdict_id=$NO | ok
[ "$(balance)" = 100 ] && echo "balance after recharge: 100"

# 4. the customer orders a BCC server for 25.5 元 in Baidu's console, syncs the order and pays it twice
ORDER=$(curl -sf -X POST "$FAKE/_fake/baidu/orders?account=$BD&price=25.5" | jq -r .uuid)
get $CT /baiduc/update_baidu_order_list.dspy -d "userid=$CU" | val .data.inserted
get $CT /baiducloud/get_baidu_orderlist.dspy -d "order_id=$ORDER" | ok
get $CT /baiducloud/get_baidu_orderlist.dspy -d "order_id=$ORDER" | val .msg                  # 订单已支付
[ "$(balance)" = 74.5 ] && echo "balance after paying: 74.5 ($(entries))"
get $CT /baiduc/get_local_baidu_orders.dspy -d pageNo=1 -d pageSize=10 | val '.data[] | {orderid, status, price}'

# 5. the customer asks Baidu for a refund; after a sync the operator confirms it twice: credited once
REFUND=$(curl -sf -X POST "$FAKE/_fake/baidu/refunds?order=$ORDER" | jq -r .uuid)
get $CT /baiduc/update_baidu_order_list.dspy -d "userid=$CU" | ok
for _ in 1 2; do
  get $OT /baiduc/baidu_confirm_refund_order.dspy -d "order_id=$REFUND" -d "baidu_id=$BD" -d "user_id=$CU" \
    | val '{msg, refunded: .data.refunded_amount}'
done
get $OT /baiduc/update_baidu_order_list.dspy -d "orgid=$CUSTOMER_ORG" | ok                   # a second sync: no change
[ "$(balance)" = 100 ] && echo "balance after refund: 100 ($(entries))"
echo "try baidu done"
# --- end ---
