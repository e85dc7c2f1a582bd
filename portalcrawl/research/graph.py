"""The portal network: sites as nodes, links between sites (friend links above all) as edges.

Read from the ``site_links`` view, so the graph is exactly what researchers see in SQL.
Exported with networkx, whose GraphML Gephi, Cytoscape and networkx itself read.
"""

from __future__ import annotations

import csv
from collections import Counter
from typing import IO

import networkx as nx

from ..archive import Archive
from ..archive.queries import EDGE_COUNTS

CSV_COLUMNS = ("source", "target", "source_name", "target_name", "weight", *EDGE_COUNTS[1:])


def site_graph(archive: Archive) -> nx.DiGraph:
    """Directed graph of sites; an edge's ``weight`` is its number of links."""
    network = archive.site_network()
    graph = nx.DiGraph()
    for site, name in network.names.items():
        graph.add_node(site, label=name or site, crawled=True, articles=network.articles.get(site, 0))
    # A site we never crawled is named by the text most often used to link to it (a friend
    # link's text is the linked portal's name).
    for source, target, counts in network.edges:
        for site in (source, target):
            if site not in graph:
                texts = Counter(network.link_texts.get(site, {}))
                label = texts.most_common(1)[0][0] if texts else site
                graph.add_node(site, label=label, crawled=False, articles=0)
        graph.add_edge(source, target, weight=counts["links"], **counts)
    return graph


def write_graphml(graph: nx.DiGraph, out: IO[bytes]) -> None:
    nx.write_graphml(graph, out, encoding="utf-8")


def write_csv(graph: nx.DiGraph, out: IO[str]) -> None:
    """One row per edge (Gephi's edge-list import: Source, Target, Weight, then attributes)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1])):
        writer.writerow([source, target, graph.nodes[source]["label"], graph.nodes[target]["label"],
                         data["weight"], *(data[k] for k in EDGE_COUNTS[1:])])
