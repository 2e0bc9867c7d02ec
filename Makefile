# The two commands a newcomer needs: `make start` and `make test`. Each installs what it needs.
SHELL := /bin/bash
ENV := source scripts/env.sh &&

.PHONY: start test e2e bench build image install typecheck lint unit clean-data

## start: the portal on http://localhost:3000 (backend :7007, on 127.0.0.1), SQLite under data/, sign in as an example user you choose
start: install
	@# The local stand-in for the GitOps repository environments commit their manifests to.
	@test -d data/gitops/.git || git init -q -b main data/gitops
	$(ENV) yarn start

## test: type check, lint, every unit and integration test (store tests on SQLite and PostgreSQL)
test: install
	scripts/test.sh

## e2e: user journeys in headless Chromium against a production build served by the backend
e2e: install
	scripts/e2e.sh

## bench: the benchmarks in bench/ against the production build, printed as a table
bench: install
	scripts/bench.sh

## build: the production bundle (frontend + backend) under packages/*/dist
build: install
	$(ENV) yarn build:all

## image: the backend's container image with podman (local Node 22 base), then its health test (about 17 min)
image: install
	scripts/image.sh build
	scripts/image.sh test

install:
	@scripts/bootstrap.sh

typecheck: install
	$(ENV) yarn tsc

lint: install
	$(ENV) yarn lint:all

unit: install
	scripts/test.sh --only-unit

## clean-data: forget everything the local portal stored (SQLite files under data/)
clean-data:
	rm -rf data/sqlite
