#!/usr/bin/env bash
# README "Trying Jinan HPC offline", runnable as is against a started kboss and a started fake (tools/Kboss.Fakes):
# ADMIN_PASSWORD=… bash docs/try-hpc.sh. Needs curl and jq. Every name it creates ends with a per-run suffix, so it
# runs again on the same database. TryHpcTests runs it against a started app and fake.
set -euo pipefail
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password}"
# --- try hpc ---
KBOSS=${KBOSS:-http://127.0.0.1:5080}
FAKE=${FAKE:-http://127.0.0.1:5090}
RUN=$(date +%s%N | tail -c 10)     # per-run suffix of every name below
val() { jq -er "if .status then $1 else error(\"failed: \\(.)\") end"; }  # one field of a reply: val .data.id
call() { local token=$1 path=$2; shift 2; curl -s "$KBOSS$path" -H "Authorization: Bearer $token" "$@"; }
eval "$(curl -sf $FAKE/_fake/env | grep FAKE_HPC_)"                       # the fake centre's address and key

# 1. the admin, an operator org with its operator ($OT), a customer org with its customer ($CT) holding 1000 元
AT=$(curl -s $KBOSS/user/login.dspy --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD" \
  | val .data.token)
ORG=$(call $AT /user/add_org.dspy --data-urlencode "name=运营$RUN" -d kind=operator | val .data.id)
call $AT /user/add_user.dspy -d "username=op$RUN" -d password=Operator-pass-1 -d roles=operator -d "orgid=$ORG" \
  | val .status >/dev/null
OT=$(curl -s $KBOSS/user/login.dspy -d "username=op$RUN" -d password=Operator-pass-1 | val .data.token)
CUSTOMER=$(call $OT /user/add_org.dspy --data-urlencode "name=客户$RUN" -d kind=customer | val .data.id)
call $OT /user/add_user.dspy -d "username=cu$RUN" -d password=Customer-pass-1 -d roles=customer \
  -d "orgid=$CUSTOMER" | val .status >/dev/null
CT=$(curl -s $KBOSS/user/login.dspy -d "username=cu$RUN" -d password=Customer-pass-1 | val .data.token)
call $AT /finance/balance_adjust.dspy -d "customer_orgid=$CUSTOMER" -d amount=1000 --data-urlencode reason=充值 \
  -d "idempotency_key=try-hpc-$RUN" | val .data.balance_after

# 2. the operator stores its Jinan HPC key (vendor jnhpc) pointing at the fake centre
call $OT /vendor/save_credential.dspy -d vendor=jnhpc -d "access_key_id=$FAKE_HPC_KEY_ID" \
  -d "access_key_secret=$FAKE_HPC_SECRET" -d "endpoint=$FAKE_HPC_ENDPOINT" | val .data.access_key_secret

# 3. the customer sees the centre's products and buys 2 × jn-cpu-1000 (80 元 each); no HPC account yet: it waits
call $CT /hpc/jncs_get_product.dspy | val '.data[] | "\(.productid) \(.productname) \(.price)"'
SYNC=$(call $CT /hpc/jncs_buy_product.dspy -d productid=jn-cpu-1000 -d quantity=2 | val .data.syncinfoid)

# 4. after-sales adds an account to the pool and binds it to the customer (HPC-07, HPC-04, HPC-05)
ACCOUNT=$(call $OT /hpc/HpcLdapAdd.dspy -d "ldapuid=u$RUN" -d "clustercode=c$RUN" -d "queuecode=q$RUN" | val .data.id)
call $OT /hpc/HpcUserSearch.dspy | jq -e --arg o "$CUSTOMER" '.data | any(.orgid == $o)' >/dev/null
call $OT /hpc/bind_ldap.dspy -d "id=$ACCOUNT" -d "orgid=$CUSTOMER" | val '.data.orgname'

# 5. the customer's portal sign warns that a purchase is not synced yet (HPC-10, HPC-06)
call $CT /hpc/jnan_get_sign.dspy -X POST | val .warn_msg
call $CT /hpc/HpcAccessTime.dspy | val .data.last_access

# 6. after-sales syncs it with HPC-01's values (HPC-02), twice: the centre is called and the customer charged once
ARGS=()
while IFS= read -r kv; do ARGS+=(--data-urlencode "$kv"); done < <(call $OT /hpc/sync_status_search.dspy \
  | jq -r --arg s "$SYNC" '.data[] | select(.syncinfoid == $s) | to_entries[] | select(.key | IN("syncinfoid",
    "customerid","productid","quantity","ldapuid","clustercode","queuecode","orgid","orgname")) | "\(.key)=\(.value)"')
call $OT /hpc/hpc_sync_user.dspy "${ARGS[@]}" | val '.msg + " " + .data.sync_status + " " + (.data.amount|tostring)'
call $OT /hpc/hpc_sync_user.dspy "${ARGS[@]}" | val .msg
call $CT /hpc/jnan_get_sign.dspy -X POST | val '.warn_msg == null' | grep -qx true
call $CT /finance/balance_get.dspy | val '.data.balance == 840' | grep -qx true
call $CT /kpi/user_get_bill.dspy -G -d "user_orgid=$CUSTOMER" -d page_size=10 -d current_page=1 \
  | val '.data.bill_list | length == 1 and .[0].amount == 160' | grep -qx true
echo "try hpc done"
# --- end ---
