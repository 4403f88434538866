#include "core/model/doc_tree.hpp"

namespace genochron::yaml {

bool Node::operator==(const Node& o) const {
    if (m_type != o.m_type) return false;
    switch (m_type) {
    case Type::Null: return true;
    case Type::Scalar: return m_scalar == o.m_scalar;
    case Type::Sequence: return m_items == o.m_items;
    case Type::Map: return m_entries == o.m_entries;
    }
    return false;
}

Node Node::null(yaml::Mark m) {
    Node n;
    n.m_mark = m;
    return n;
}
Node Node::scalar(std::string s, bool quoted, yaml::Mark m) {
    Node n;
    n.m_type = Type::Scalar;
    n.m_scalar = std::move(s);
    n.m_quoted = quoted;
    n.m_mark = m;
    return n;
}
Node Node::sequence(yaml::Mark m) {
    Node n;
    n.m_type = Type::Sequence;
    n.m_mark = m;
    return n;
}
Node Node::map(yaml::Mark m) {
    Node n;
    n.m_type = Type::Map;
    n.m_mark = m;
    return n;
}

}  // namespace genochron::yaml
