"""The streaming service: Faust agents around the stages (``newswire.stages``).

Three rooms. The stages (``newswire.stages``): the news logic, plain objects, the same that
`newswire parse` runs. The agent loop (``agents``, ``delivery``): batches, acknowledgements,
held writes and dead letters, where the delivery guarantees live. The engine (``engine``):
everything that configures, subclasses or repairs Faust and aiokafka. Beside them:
``service`` wires them together, ``metrics`` declares every series, ``observability`` measures
lag and commits and serves the web pages, ``warmup`` readies a worker before it joins.
"""
