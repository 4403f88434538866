// A YAML-shaped document tree with each node's position: what the case reader builds, and
// how unknown keys are kept in the model (Meta::extras) to be written back on save.
// Plain data: parsing it is io/yaml_doc.hpp's job.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace genochron::yaml {

struct Mark {
    int line = -1, column = -1;   // 0-based, as yaml-cpp's; -1 = none
    bool is_null() const { return line < 0; }
};

class Node {
public:
    enum class Type { Null, Scalar, Sequence, Map };

    Type type() const { return m_type; }
    bool IsNull() const { return m_type == Type::Null; }
    bool IsScalar() const { return m_type == Type::Scalar; }
    bool IsSequence() const { return m_type == Type::Sequence; }
    bool IsMap() const { return m_type == Type::Map; }
    const std::string& Scalar() const { return m_scalar; }
    bool quoted() const { return m_quoted; }   // 'x' or "x": never null, never a number
    yaml::Mark Mark() const { return m_mark; }
    std::size_t size() const { return m_type == Type::Map ? m_entries.size() : m_items.size(); }
    const Node& operator[](std::size_t i) const { return m_items[i]; }
    const std::vector<Node>& items() const { return m_items; }
    const std::vector<std::pair<Node, Node>>& entries() const { return m_entries; }
    auto begin() const { return m_entries.begin(); }
    auto end() const { return m_entries.end(); }

    bool operator==(const Node& o) const;   // by content, positions ignored

    // Builders (used by the parser and by tests).
    static Node null(yaml::Mark m = {});
    static Node scalar(std::string s, bool quoted = false, yaml::Mark m = {});
    static Node sequence(yaml::Mark m = {});
    static Node map(yaml::Mark m = {});
    void push(Node n) { m_items.push_back(std::move(n)); }
    void put(Node k, Node v) { m_entries.emplace_back(std::move(k), std::move(v)); }

private:
    Type m_type = Type::Null;
    yaml::Mark m_mark;
    bool m_quoted = false;
    std::string m_scalar;
    std::vector<Node> m_items;
    std::vector<std::pair<Node, Node>> m_entries;
};

}  // namespace genochron::yaml
