-- POST /api/v1/messages under wrk. BENCH_MODE=flood: every request from the one loopback address (the limiter must
-- answer 429 after the first few). BENCH_MODE=spread: each request claims its own client address through
-- X-Forwarded-For (loopback is a trusted proxy by default), so almost every post is accepted and concurrency is real.
-- Every 201 body's queryCode is appended to $BENCH_OUT.<thread>, so run.sh can look each one up afterwards.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
  mode = os.getenv("BENCH_MODE") or "flood"
  out = io.open((os.getenv("BENCH_OUT") or "/tmp/zwgk-codes") .. "." .. tid, "a")
  seq = 0
  created, limited, other = 0, 0, 0
end

function request()
  seq = seq + 1
  local n = tid * 1000000 + seq
  local body = string.format(
    '{"type":"咨询","title":"压力测试留言%d","content":"请问社区卫生服务中心周末是否开放？编号%d，%d。","name":"测试%d","contact":"1380000%04d","public":false}',
    n, n, math.random(1, 1000000000), n % 1000, n % 10000)
  local headers = { ["Content-Type"] = "application/json" }
  if mode == "spread" then
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", tid % 250, math.floor(seq / 250) % 250, seq % 250)
  end
  return wrk.format("POST", "/api/v1/messages", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    local code = string.match(body, '"queryCode"%s*:%s*"([^"]+)"')
    out:write((code or "MISSING") .. "\n")
    out:flush()
  elseif status == 429 then
    limited = limited + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, l, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + (t:get("created") or 0)
    l = l + (t:get("limited") or 0)
    o = o + (t:get("other") or 0)
  end
  io.write(string.format("BENCH created=%d limited=%d other=%d socket_errors=%d\n", c, l, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
