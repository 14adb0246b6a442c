-- wrk script: POSTs the form in $BENCH_BODY (with $BENCH_AUTH as the Authorization header when set) and counts
-- answers whose body does not carry "status":true (or "status": true) (a 200 with status:false is an error for the benchmark).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; failed = 0; sample = "" end
function response(status, headers, body)
  if status == 200 and body and string.find(body, '"status":%s*true') then ok = ok + 1
  else
    failed = failed + 1
    if sample == "" then sample = status .. " " .. string.sub(body or "", 1, 200) end
  end
end
function done(summary, latency, requests)
  local o, f, s = 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); f = f + t:get("failed")
    if s == "" then s = t:get("sample") or "" end
  end
  io.write(string.format("status_true: %d\nstatus_not_true: %d\n", o, f))
  if s ~= "" then io.write("first_failure: " .. s .. "\n") end
end
