-- wrk's script for the webhook benchmark (bench/ingest.bench.mjs): POSTs the signed GitHub
-- deliveries of a file, one per line (event, delivery id, signature, body; tab-separated), each
-- once. Thread k of n sends lines k, k+n, ... and stops once all of its deliveries are answered;
-- a connection with nothing left to send asks for a path that does not exist (a 404 filler).
-- Prints READY <thread> once a thread has read its deliveries, DONE <thread> once all of them
-- were answered, and at the end RESULT <answered 202> <refused> <records accepted> <µs>.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  deliveries = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == index then
      local event, id, signature, body =
        line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      deliveries[#deliveries + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["X-GitHub-Event"] = event,
        ["X-GitHub-Delivery"] = id,
        ["X-Hub-Signature-256"] = signature,
      }, body)
    end
    i = i + 1
  end
  filler = wrk.format("GET", "/api/delivery/webhooks/bench-filler")
  -- wrk calls the first thread's request() once to check it before the run: give it the filler.
  nextDelivery, ok, failed, accepted = index == 0 and 0 or 1, 0, 0, 0
  io.stdout:write("READY " .. index .. " " .. #deliveries .. "\n")
  io.stdout:flush()
end

function request()
  local r = deliveries[nextDelivery]
  if r == nil then
    nextDelivery = math.max(nextDelivery, 1)
    return filler
  end
  nextDelivery = nextDelivery + 1
  return r
end

function response(status, headers, body)
  if status == 202 then
    ok = ok + 1
    accepted = accepted + tonumber(body:match('"accepted":(%d+)') or 0)
  elseif status ~= 404 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("webhook answered " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
  if not finished and ok + failed == #deliveries then
    -- Once: the fillers' answers that follow leave the counts as they are.
    finished = true
    -- wrk runs until its duration or SIGINT: the benchmark sends that once every thread is done.
    io.stdout:write("DONE " .. index .. "\n")
    io.stdout:flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local sumOk, sumFailed, sumAccepted = 0, 0, 0
  for _, thread in ipairs(threads) do
    sumOk = sumOk + thread:get("ok")
    sumFailed = sumFailed + thread:get("failed")
    sumAccepted = sumAccepted + thread:get("accepted")
  end
  io.write(string.format("RESULT %d %d %d %d\n", sumOk, sumFailed, sumAccepted, summary.duration))
end
