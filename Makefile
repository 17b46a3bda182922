# Set-up is part of every target: a fresh machine needs only `make run` or `make test`.
VENV ?= .venv
STAMP := $(VENV)/.installed

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	# torch's CPU build first: a bare torch requirement (from camel-tools) would pull a multi-GB CUDA build
	$(VENV)/bin/pip install torch==2.13.0
	$(VENV)/bin/pip install -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/aqwal extract seeds/ --format table

test: $(STAMP)
	$(VENV)/bin/pytest -q

bench: $(STAMP)
	$(VENV)/bin/python bench/ner.py --backend builtin
	$(VENV)/bin/python bench/ner.py --backend neural
	$(VENV)/bin/python bench/throughput.py

clean:
	rm -rf $(VENV) *.egg-info
