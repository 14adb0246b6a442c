#!/usr/bin/env bash
# README "Trying a server lease", runnable as is against a kboss started with Lease__AllowRunAsOf=true:
# ADMIN_PASSWORD=… bash docs/try-lease.sh. Needs curl, jq and GNU date. Every name it
# creates ends with a per-run suffix, so it runs again on the same database. TryLeaseTests runs it against a started
# app.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- try lease ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
ok() { jq -ec 'if .status then . else error("failed: \(.)") end'; }       # print a reply; stop on status:false
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id
post() { local token=$1 path=$2; shift 2; curl -s "$KBOSS$path" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "$1"; }                         # post TOKEN PATH JSON
day() { TZ=Asia/Shanghai date -d "$1" +%F; }                              # a platform date: day '+3 days'
TODAY=$(day today); END=$(day '+3 days'); AFTER=$(day '+4 days')

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

# 2. the operator's store and a product of two devices in it, leasable from today for a year
post $OT /lease/create_store.dspy "{\"name\":\"北京$RUN\",\"bandwidth_price\":\"1\",\"stored_price\":\"2\",
  \"ip_price\":\"3\"}" | ok
PRODUCT_DATA=$(post $OT /lease/create_lease_data.dspy "{\"products\":{\"product_name\":\"GPU服务器$RUN\",
  \"stock\":\"2\",\"price\":\"100\",\"lease_start_time\":\"$TODAY\",\"lease_end_time\":\"$(day '+1 year')\"},
  \"servers\":{\"store_name\":\"北京$RUN\",\"cpu\":\"64C\",\"memory\":\"512G\",\"card_type\":\"A100\"}}" | val .data)
PRODUCT=$(jq -r .id <<<"$PRODUCT_DATA"); DEVICE=$(jq -r '.server_ids[0]' <<<"$PRODUCT_DATA")
stock() { post $OT /lease/get_product_list.dspy '{}' | val ".data[] | select(.id == \"$PRODUCT\") | .stock"; }
status() { post $OT /lease/filter_lease_data.dspy "{\"product_name\":\"GPU服务器$RUN\",\"rows\":10}" \
  | val ".data.rows[] | select(.id == \"$DEVICE\") | .status"; }
echo "product $PRODUCT: stock $(stock), device $DEVICE status $(status) (0 idle)"

# 3. the customer's balance gets 500 元; the customer leases the device from today to END (4 days: 1 period, 100 元)
curl -s $KBOSS/finance/balance_adjust.dspy -H "Authorization: Bearer $AT" -d "customer_orgid=$CUSTOMER_ORG" \
  -d amount=500 --data-urlencode reason=试用 -d "idempotency_key=try-lease-$RUN" | ok
BILL=$(post $CT /lease/buy.dspy "{\"bill_data\":{\"device_num\":\"1\",\"start_date\":\"$TODAY\",
  \"end_date\":\"$END\"},\"device_ids\":[[\"$PRODUCT\",\"$DEVICE\"]]}" | val .data.bill_id)
echo "bill $BILL: stock $(stock), device status $(status) (1 rented), balance" \
  "$(curl -s $KBOSS/finance/balance_get.dspy -H "Authorization: Bearer $CT" | val .data.balance)"

# 4. the expiry warning (the daily job Jobs:LeaseExpiryWarning): 3 days before the end the customer is warned once
post $AT /lease/expiration_warning.dspy '{}' | val '.data.warned_bills >= 1' | grep -qx true
post $AT /lease/expiration_warning.dspy '{}' | ok                                   # a second run warns no one again
warnings() { curl -s $KBOSS/message/get_unreadmsg.dspy -H "Authorization: Bearer $CT" \
  | jq -er '[.msg[] | select(.msgtype == "租赁到期提醒")] | length'; }
[ "$(warnings)" = 1 ] && echo "the customer has 1 warning: $(curl -s $KBOSS/message/get_unreadmsg.dspy \
  -H "Authorization: Bearer $CT" | jq -r '.msg[] | select(.msgtype == "租赁到期提醒") | .msgtext')"

# 5. the day after the end (the daily job Jobs:LeaseRecycle run with as_of, i.e. the clock moved to AFTER):
#    the device is back in stock, and no more warnings go out for the ended lease
post $AT /lease/update_stock.dspy "{\"as_of\":\"$AFTER\"}" | val '.data.recycled_bills >= 1' | grep -qx true
[ "$(status)" = 0 ] && [ "$(stock)" = 2 ] && echo "after $END: device status 0 (idle), stock 2"
post $AT /lease/expiration_warning.dspy "{\"as_of\":\"$AFTER\"}" | ok
[ "$(warnings)" = 1 ]
post $OT /lease/get_bill_detail.dspy "{\"bill_id\":\"$BILL\"}" | val '.data.bill | {id, status, end_date}'
echo "try lease done"
# --- end ---
